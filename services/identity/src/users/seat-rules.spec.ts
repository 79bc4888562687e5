import { IdentityErrorCode } from '../identity.errors';
import { SeatLimit } from '../seat-limits/seat-limits.repository';
import { checkSeatLeft, editionName } from './seat-rules';

const limitOf = (edition: string, maxSeats: number): SeatLimit => ({
  accountId: '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60',
  edition,
  maxSeats,
  version: 1,
  updatedAt: new Date('2026-03-01T09:00:00Z'),
});

describe('editionName', () => {
  it('spells the editions of both catalogs as they do', () => {
    expect(['solopreneur', 'sales-essentials', 'dream-team', 'standard', 'premium', 'ultimate'].map(editionName)).toEqual([
      'Solopreneur',
      'Sales Essentials',
      'Dream Team',
      'Standard',
      'Premium',
      'Ultimate',
    ]);
  });
});

describe('checkSeatLeft', () => {
  it('lets a second user into Dream Team and anyone into an account whose limit is not known yet', () => {
    expect(() => checkSeatLeft(limitOf('dream-team', 1000), 1, 'email')).not.toThrow();
    expect(() => checkSeatLeft(undefined, 5000, 'email')).not.toThrow();
  });

  it('refuses a second user of Solopreneur with 409 SEAT_LIMIT_REACHED, naming the edition and its limit', () => {
    expect(() => checkSeatLeft(limitOf('solopreneur', 1), 1, 'email')).toThrow(
      expect.objectContaining({
        code: IdentityErrorCode.SeatLimitReached,
        kind: 'conflict',
        message: 'the Solopreneur edition is for at most 1 user, and the account has no seat left',
        fields: [{ field: 'email', reason: 'Solopreneur is for at most 1 user' }],
      }),
    );
  });

  it('refuses at the limit and beyond it (a limit that dropped), in the plural, on the field given', () => {
    for (const taken of [3, 4]) {
      expect(() => checkSeatLeft(limitOf('sales-essentials', 3), taken, 'token')).toThrow(
        expect.objectContaining({ fields: [{ field: 'token', reason: 'Sales Essentials is for at most 3 users' }] }),
      );
    }
    expect(() => checkSeatLeft(limitOf('sales-essentials', 3), 2, 'token')).not.toThrow();
  });
});
