/**
 * The rules of the fields that cross the HTTP edge and then travel in events. The DTO validators
 * (libs/platform's field decorators) and the event schemas (common.ts, formats.ts) both read them from
 * here, so a value the edge accepts never breaks an event later.
 */

/** RFC 5321: an address is at most 254 characters, its local part at most 64. */
export const EMAIL_MAX_LENGTH = 254;
const EMAIL_LOCAL_MAX_LENGTH = 64;
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/**
 * A dot-atom local part and a host name with a top-level domain: what every SMTP server accepts. Quoted
 * local parts, comments, IP literals, angle brackets, spaces and line breaks are refused.
 */
const EMAIL_PATTERN = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[A-Za-z]{2,63}$`);

export function isEmailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(value)) return false;
  return value.indexOf('@') <= EMAIL_LOCAL_MAX_LENGTH;
}

/** Names (companies, people, legal names) and address lines: one line of visible text. */
export const NAME_MAX_LENGTH = 200;
/** Not blank, and no control character (C0, DEL, C1): these would break a mail header or a PDF line. */
export const SINGLE_LINE_TEXT_PATTERN = '^(?=[\\s\\S]*\\S)[^\\u0000-\\u001f\\u007f-\\u009f]*$';
const singleLineText = new RegExp(SINGLE_LINE_TEXT_PATTERN);

/** Why a value is not one line of visible text of at most `maxLength` characters; undefined when it is. */
export function singleLineTextProblem(value: unknown, maxLength = NAME_MAX_LENGTH): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim().length === 0) return 'must not be blank';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (!singleLineText.test(value)) return 'must not contain control characters or line breaks';
  return undefined;
}

/** ISO 3166-1 alpha-2. */
export const COUNTRY_CODE_PATTERN = '^[A-Z]{2}$';

/**
 * A sign-up channel is a lowercase slug. Unknown channels get the catalog's default trial, so the set is
 * open; names of Object.prototype members are refused so a lookup can never reach the prototype chain.
 */
export const SIGNUP_CHANNEL_MAX_LENGTH = 64;
export const SIGNUP_CHANNEL_PATTERN = '^(?!(?:constructor|prototype)$)[a-z0-9]+(?:-[a-z0-9]+)*$';
const signupChannel = new RegExp(SIGNUP_CHANNEL_PATTERN);

export function isSignupChannel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SIGNUP_CHANNEL_MAX_LENGTH && signupChannel.test(value);
}

/** No edition sells more seats than this; a catalog may set a lower limit per edition. */
export const MAX_SEATS = 1000;

export function isSeatCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SEATS;
}

/** The largest amount the payment provider charges at once (Stripe: 99,999,999 minor units). */
export const MAX_CHARGE_MINOR = 99_999_999;

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
const uuid = new RegExp(UUID_PATTERN, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}
