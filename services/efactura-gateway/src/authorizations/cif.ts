/** A Romanian CUI as ANAF's parameters take it: digits only, without the RO of a VAT id. */
export function normalizeCif(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = value.trim().toUpperCase().replace(/^RO/, '');
  return /^[1-9]\d{1,9}$/.test(digits) ? digits : undefined;
}
