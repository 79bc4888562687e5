import { BankStatementError } from '../bank-statement-error';

/**
 * ISO 11649 structured creditor reference: "RF", two check digits, then 1 to 21 letters or digits.
 * The check digits make the whole string, rotated so "RFxx" comes last and letters read as numbers
 * (A=10 … Z=35), equal 1 modulo 97, the same scheme as an IBAN.
 */
const MAX_BODY_LENGTH = 21;
const BODY = /^[A-Z0-9]{1,21}$/;
const REFERENCE = /^RF[0-9]{2}[A-Z0-9]{1,21}$/;

/** Removes spaces and upper-cases: the printed form "RF18 5390 0754 7034" and "rf18539007547034" are the same reference. */
export function compactReference(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Remainder modulo 97 of the digit string the letters expand to, computed piecewise (no bigint needed). */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = parseInt(char, 36);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

export function isValidPaymentReference(text: string): boolean {
  const compact = compactReference(text);
  if (!REFERENCE.test(compact)) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

/**
 * The RF reference for a body, such as a proforma number: same body, same reference. Separators are
 * dropped ("PF-2026/000123" → body "PF2026000123"); a body that is empty or longer than 21 characters
 * once compacted is refused rather than cut, since a cut body could name two proformas.
 */
export function newPaymentReference(seed: string): string {
  const body = seed.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (!BODY.test(body)) {
    throw new BankStatementError(
      'PAYMENT_REFERENCE_INVALID',
      `a payment reference needs 1 to ${MAX_BODY_LENGTH} letters or digits, got ${body.length} from '${seed}'`,
      'seed',
      'invalid',
    );
  }
  const check = 98 - mod97(body + 'RF00');
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** The printed form: groups of four, as on a proforma ("RF18 5390 0754 7034"). */
export function formatPaymentReference(reference: string): string {
  return compactReference(reference).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Every RF reference with valid check digits in free text (remittance lines joined by spaces), compact
 * and upper-cased, in order of appearance, without repeats. Payers type references in lower case and
 * with spaces, so the groups following "RF" and its check digits are joined while they fit in 21
 * characters. Where the end of a reference is uncertain ("RF18 5390 0754 7034 PAID"), every reading whose
 * check digits hold is returned, longest first: a wrong reading names no proforma, and a valid one is
 * never lost because a word happened to follow it.
 */
export function findPaymentReferences(text: string): string[] {
  const found: string[] = [];
  const start = /(?<![A-Za-z0-9])[Rr]\s?[Ff]\s?([0-9])\s?([0-9])/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const head = `RF${match[1]}${match[2]}`;
    const rest = text.slice(match.index + match[0].length);
    // Groups of letters and digits separated by single runs of spaces; any other character ends the reference.
    const groups = /^\s*([A-Za-z0-9]+)/;
    const bodies: string[] = [];
    let body = '';
    let offset = 0;
    for (let group = groups.exec(rest); group; group = groups.exec(rest.slice(offset))) {
      if (body.length + group[1].length > MAX_BODY_LENGTH) break;
      body += group[1].toUpperCase();
      bodies.push(body);
      offset += group[0].length;
    }
    for (const candidate of bodies.reverse()) {
      const reference = head + candidate.toUpperCase();
      if (isValidPaymentReference(reference) && !found.includes(reference)) found.push(reference);
    }
  }
  return found;
}
