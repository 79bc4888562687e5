import { randomUUID } from 'node:crypto';
import { chargeLine, ProrationInput, proratedCharge } from './proration';

describe('proratedCharge (B5, C2)', () => {
  const accountId = randomUUID();
  const subscriptionId = randomUUID();

  /** A seat of 19.99 EUR for a 30-day period, 2027-01-05 to 2027-02-04. */
  const input = (changeDate: string, overrides: Partial<ProrationInput> = {}): ProrationInput => ({
    id: randomUUID(),
    accountId,
    subscriptionId,
    cause: 'seat:someone',
    code: 'sales-essentials/monthly/seat-added',
    label: 'Sales Essentials: 1 user(s) added',
    quantity: 1,
    periodUnitPriceMinor: 1999,
    currency: 'EUR',
    period: { start: '2027-01-05', end: '2027-02-04' },
    changeDate,
    at: new Date(`${changeDate}T10:00:00.000Z`),
    ...overrides,
  });

  it('charges one unit for the days left, rounded half-up to the cent: 1999 × 7 / 30 = 466.43 → 466', () => {
    // 2027-01-28 up to 2027-02-04 is 7 days.
    const charge = proratedCharge(input('2027-01-28'));
    expect(1999 * 7).toBe(13993);
    expect(charge).toMatchObject({
      unitPriceMinor: 466,
      days: 7,
      periodDays: 30,
      serviceStart: '2027-01-28',
      serviceEnd: '2027-02-04',
      description: 'Sales Essentials: 1 user(s) added, 2027-01-28 – 2027-02-03 (7/30 days)',
      billedBy: null,
    });
  });

  it('rounds a half cent up (1999 × 15 / 30 = 999.5 → 1000) and a fraction above it up (1999 × 23 / 30 = 1532.57 → 1533)', () => {
    expect(proratedCharge(input('2027-01-20')).unitPriceMinor).toBe(1000);
    expect(proratedCharge(input('2027-01-12')).unitPriceMinor).toBe(1533);
  });

  it('rounds one unit, then multiplies by the quantity: 3 × round(1999 × 7 / 30) = 3 × 466', () => {
    const charge = proratedCharge(input('2027-01-28', { quantity: 3 }));
    expect(charge).toMatchObject({ quantity: 3, unitPriceMinor: 466 });
    expect(charge.quantity * charge.unitPriceMinor).toBe(1398);
  });

  it('charges the whole price from the first day of the period, and one day on its last', () => {
    expect(proratedCharge(input('2027-01-05'))).toMatchObject({ unitPriceMinor: 1999, days: 30 });
    // 1999 / 30 = 66.63 → 67.
    expect(proratedCharge(input('2027-02-03'))).toMatchObject({
      unitPriceMinor: 67,
      days: 1,
      description: 'Sales Essentials: 1 user(s) added, 2027-02-03 – 2027-02-03 (1/30 days)',
    });
  });

  it('counts the days of a prepaid month as they fall: 16 of January’s 31 (4900 × 16 / 31 = 2529.03 → 2529)', () => {
    const charge = proratedCharge(
      input('2027-01-20', { periodUnitPriceMinor: 4900, currency: 'RON', period: { start: '2027-01-05', end: '2027-02-05' } }),
    );
    expect(charge).toMatchObject({ unitPriceMinor: 2529, days: 16, periodDays: 31 });
  });

  it('refuses a change day outside the period', () => {
    expect(() => proratedCharge(input('2027-02-04'))).toThrow(/outside the period/);
    expect(() => proratedCharge(input('2027-01-04'))).toThrow(/outside the period/);
  });

  it('makes the charge a line of a due period, with its service period', () => {
    expect(chargeLine(proratedCharge(input('2027-01-28', { quantity: 2 })))).toEqual({
      code: 'sales-essentials/monthly/seat-added',
      description: 'Sales Essentials: 1 user(s) added, 2027-01-28 – 2027-02-03 (7/30 days)',
      quantity: 2,
      unitPriceMinor: 466,
      servicePeriod: { start: '2027-01-28', end: '2027-02-04', days: 7, periodDays: 30 },
    });
  });
});
