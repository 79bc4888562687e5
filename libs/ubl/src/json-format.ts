import { formatCents, parseCents } from './decimal';
import { FieldProblem, UblJsonFormatError } from './errors';
import { UblDocument } from './model';

/**
 * The JSON form of the document model (docs/ubl.md): the same shape, with every money amount a
 * decimal string ("1234.50") instead of bigint hundredths. Numbers are refused everywhere, so a
 * float never carries money, a quantity or a rate.
 */

const AMOUNT_KEYS = new Set(['netAmount', 'baseAmount', 'taxableAmount', 'taxAmount']);

function isAmountPath(path: string[]): boolean {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent === 'totals') return true;
  if (AMOUNT_KEYS.has(key)) return true;
  return key === 'amount' && parent !== 'price';
}

function fieldName(path: string[]): string {
  return path.reduce((name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');
}

function fromJsonValue(value: unknown, path: string[], problems: FieldProblem[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => fromJsonValue(item, [...path, String(i)], problems));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && item !== null) result[key] = fromJsonValue(item, [...path, key], problems);
    }
    return result;
  }
  if (typeof value === 'number') {
    problems.push({ field: fieldName(path), reason: `write numbers as decimal strings, e.g. "${value}"` });
    return undefined;
  }
  if (isAmountPath(path)) {
    const cents = typeof value === 'string' ? parseCents(value) : undefined;
    if (cents === undefined)
      problems.push({
        field: fieldName(path),
        reason: 'must be an amount with at most two decimals, as a string such as "1234.50"',
      });
    return cents;
  }
  return value;
}

/** Reads a document from its JSON form; throws UblJsonFormatError naming the fields at fault. */
export function documentFromJson(json: unknown): UblDocument {
  const problems: FieldProblem[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new UblJsonFormatError([{ field: '', reason: 'a document is a JSON object' }]);
  const document = fromJsonValue(json, [], problems) as Record<string, unknown>;
  for (const key of ['kind', 'id', 'issueDate', 'currency'] as const) {
    if (typeof document[key] !== 'string') problems.push({ field: key, reason: 'is required, as a string' });
  }
  for (const key of ['seller', 'buyer'] as const) {
    if (document[key] === null || typeof document[key] !== 'object')
      problems.push({ field: key, reason: 'is required, as an object' });
  }
  if (!Array.isArray(document.lines)) problems.push({ field: 'lines', reason: 'is required, as an array' });
  if (problems.length > 0) throw new UblJsonFormatError(problems);
  return document as unknown as UblDocument;
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return formatCents(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return value;
}

/** The JSON form of a document: amounts as decimal strings. */
export function documentToJson(document: UblDocument): Record<string, unknown> {
  return toJsonValue(document) as Record<string, unknown>;
}
