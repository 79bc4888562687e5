import { isUuid } from '@obolus/contracts';
import type { AccountSearch } from './staff-accounts.repository';

/**
 * The accented letters of French and Romanian (both cases) and what they fold to. Postgres folds the
 * column with translate() and the same two strings, and the query is folded here, so both sides agree
 * without the unaccent extension, which a managed database may not offer.
 */
const FOLDS: Record<string, string> = {
  a: 'àâäáãåăÀÂÄÁÃÅĂ',
  c: 'çÇ',
  e: 'éèêëÉÈÊË',
  i: 'îïíìÎÏÍÌ',
  n: 'ñÑ',
  o: 'ôöóòõÔÖÓÒÕ',
  s: 'șşȘŞ',
  t: 'țţȚŢ',
  u: 'ûüúùÛÜÚÙ',
  y: 'ÿÝý',
};

export const ACCENT_FOLD_FROM = Object.values(FOLDS).join('');
export const ACCENT_FOLD_TO = Object.entries(FOLDS)
  .map(([plain, accented]) => plain.repeat([...accented].length))
  .join('');

const foldOf = new Map(Object.entries(FOLDS).flatMap(([plain, accented]) => [...accented].map((letter) => [letter, plain])));

/** Lowercase, with the accents above removed: what the database compares. */
export function foldAccents(text: string): string {
  return [...text.toLowerCase()].map((letter) => foldOf.get(letter) ?? letter).join('');
}

/** A LIKE pattern that finds the text anywhere, its own %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}

/** An account id is looked up exactly; any other text is searched in company names and users' addresses. */
export function accountSearchOf(q: string): AccountSearch {
  const text = q.trim();
  return isUuid(text) ? { accountId: text.toLowerCase() } : { pattern: containsPattern(foldAccents(text)) };
}
