import { isEmailAddress } from '@obolus/contracts';

/**
 * STAFF_ALERT_EMAILS: the staff addresses told of an account's e-Factura trouble (a rejection, a
 * deadline close, a lost ANAF authorisation) besides its owner. Comma-separated; none when unset.
 * A value that is not a list of addresses is refused at start, not discovered on the first alert.
 */
export function staffAlertEmails(raw: string | undefined): string[] {
  const addresses = (raw ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  const wrong = addresses.filter((address) => !isEmailAddress(address));
  if (wrong.length > 0) throw new Error(`STAFF_ALERT_EMAILS: not e-mail addresses: ${wrong.join(', ')}`);
  return [...new Set(addresses)];
}
