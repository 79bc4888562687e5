/**
 * One area's texts in the three languages. English is the reference: a key missing from French or Romanian,
 * or one they add, is a type error. `{name}` placeholders are filled by `t()`.
 */
export function defineMessages<K extends string>(
  en: Record<K, string>,
  fr: Record<K, string>,
  ro: Record<K, string>,
): { en: Record<K, string>; fr: Record<K, string>; ro: Record<K, string> } {
  return { en, fr, ro };
}
