/**
 * Legal-form words that say nothing about who paid: the proforma says "Alfa Soft SRL", the bank says
 * "SC ALFA SOFT S.R.L.". SC is the Romanian "societate comercială" that older registrations put first.
 */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'srl',
  'srld',
  'sa',
  'sc',
  'pfa',
  'ii',
  'if',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'ste',
  'societe',
  'ltd',
  'limited',
  'plc',
  'llc',
  'inc',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'spa',
  'sl',
]);

/** Connecting words: "Dupont et Fils" and "DUPONT & FILS" are the same payer. */
const CONNECTORS: ReadonlySet<string> = new Set(['et', 'and', 'si', 'und', 'de', 'du', 'des', 'la', 'le', 'les', 'the', 'of']);

/** A truncated bank name ("ALFA SOFTWA") still names the same party once four letters agree. */
const MIN_PREFIX = 4;

/**
 * The words of a party name that identify it: lower case, without diacritics (ș and ş, ț and ţ alike,
 * since banks use either, or none), without punctuation or legal forms. Dots are dropped rather than
 * split on, so "S.R.L." becomes "srl".
 */
export function nameTokens(name: string): string[] {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (plain === '') return [];
  // Single letters are initials or the tail of a split form ("SRL-D", "M. Martin"): they identify no one.
  return plain.split(' ').filter((token) => token.length > 1 && !LEGAL_FORMS.has(token) && !CONNECTORS.has(token));
}

function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

/** Tokens of `left` found in `right`, each token of `right` used once. */
function commonTokens(left: string[], right: string[]): number {
  const unused = [...right];
  let common = 0;
  for (const token of left) {
    const at = unused.findIndex((other) => sameToken(token, other));
    if (at >= 0) {
      unused.splice(at, 1);
      common += 1;
    }
  }
  return common;
}

/**
 * How much two names share, from 0 to 1: twice the tokens they have in common over the tokens of both
 * (the Dice coefficient). Word order does not matter: banks write "POPESCU ION".
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  return (2 * commonTokens(left, right)) / (left.length + right.length);
}

/** At least half the words in common overall. */
export const NAME_SIMILARITY_THRESHOLD = 0.5;

/**
 * Whether two names plausibly name the same party: every word of the shorter name is in the longer one,
 * and they share at least half their words. Shared words alone are not enough: "Cabinet Dentaire Martin"
 * and "Cabinet Dentaire Durand" share two of three, yet are two different payers.
 */
export function namesAreClose(a: string, b: string): boolean {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const common = commonTokens(shorter, longer);
  return common === shorter.length && (2 * common) / (left.length + right.length) >= NAME_SIMILARITY_THRESHOLD;
}
