import { SeatLimit } from '../seat-limits/seat-limits.repository';
import { IdentityError } from '../identity.errors';

/**
 * The edition's name as the catalogs spell it, from the code subscription.changed carries
 * (solopreneur → Solopreneur, dream-team → Dream Team): identity reads no catalog.
 */
export function editionName(code: string): string {
  return code
    .split('-')
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Refuses one more user when the seats already `taken` reach the edition's limit (C3, A4); with no
 * limit known yet, the account is not held back (trial start publishes one). `field` names the
 * request field the refusal is about.
 */
export function checkSeatLeft(limit: SeatLimit | undefined, taken: number, field: 'email' | 'token'): void {
  if (limit && taken >= limit.maxSeats) throw IdentityError.seatLimitReached(editionName(limit.edition), limit.maxSeats, field);
}
