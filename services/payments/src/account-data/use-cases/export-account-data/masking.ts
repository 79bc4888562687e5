/** A provider reference shown by its last four characters only: `pm_1Q2w3E4r` is `…3E4r`. */
export function maskReference(reference: unknown): string | null {
  if (typeof reference !== 'string' || !reference) return null;
  return `…${reference.slice(-4)}`;
}

/** A row with the named columns masked to their last four characters. */
export function masked(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const copy = { ...row };
  for (const column of columns) if (Object.hasOwn(copy, column)) copy[column] = maskReference(copy[column]);
  return copy;
}
