import { priceDraft } from './price-draft';

const base = { taxPointDate: '2026-11-22', locale: 'en' as const, vatIdVerified: false };

describe('priceDraft', () => {
  it('charges a French company 20% French VAT on Dream Team, 3 seats (V2)', () => {
    const priced = priceDraft({
      ...base,
      sellerCountry: 'FR',
      buyerCountry: 'FR',
      buyerType: 'business',
      currency: 'EUR',
      lines: [{ description: 'Dream Team (monthly)', quantity: 3, unitPriceMinor: 3900 }],
    });
    expect(priced.lines[0]).toMatchObject({ netMinor: 11700, vatCategory: 'S', vatRateBasisPoints: 2000 });
    expect(priced.totals).toEqual({ netMinor: 11700, vatMinor: 2340, grossMinor: 14040 });
    expect(priced.vatBreakdown).toEqual([{ vatCategory: 'S', vatRateBasisPoints: 2000, taxableMinor: 11700, taxMinor: 2340 }]);
  });

  it('applies the Romanian rate in force on the tax point: 19% until 2025-07-31, 21% from 2025-08-01 (V4)', () => {
    const ro = (taxPointDate: string) =>
      priceDraft({
        ...base,
        taxPointDate,
        sellerCountry: 'RO',
        buyerCountry: 'RO',
        buyerType: 'business',
        currency: 'RON',
        lines: [{ description: 'Premium', quantity: 2, unitPriceMinor: 4900 }],
      });
    expect(ro('2025-07-31').totals).toEqual({ netMinor: 9800, vatMinor: 1862, grossMinor: 11662 });
    expect(ro('2025-08-01').totals).toEqual({ netMinor: 9800, vatMinor: 2058, grossMinor: 11858 });
  });

  it('reverse-charges an EU business with a verified VAT number, with the exemption reason', () => {
    const priced = priceDraft({
      ...base,
      vatIdVerified: true,
      sellerCountry: 'FR',
      buyerCountry: 'DE',
      buyerType: 'business',
      currency: 'EUR',
      lines: [{ description: 'Sales Essentials', quantity: 5, unitPriceMinor: 1900 }],
    });
    expect(priced.totals).toEqual({ netMinor: 9500, vatMinor: 0, grossMinor: 9500 });
    expect(priced.vatBreakdown[0]).toMatchObject({
      vatCategory: 'AE',
      vatRateBasisPoints: 0,
      exemptionReasonCode: 'VATEX-EU-AE',
    });
    expect(priced.vatBreakdown[0]!.exemptionReason).toMatch(/reverse charge/i);
  });

  it('charges an EU consumer the rate of their own country (OSS), and an unverified number like a consumer (V3)', () => {
    const consumer = priceDraft({
      ...base,
      sellerCountry: 'FR',
      buyerCountry: 'DE',
      buyerType: 'individual',
      currency: 'EUR',
      lines: [{ description: 'Solopreneur', quantity: 1, unitPriceMinor: 2900 }],
    });
    expect(consumer.lines[0]!.vatRateBasisPoints).toBe(1900);
    const unverified = priceDraft({
      ...base,
      sellerCountry: 'FR',
      buyerCountry: 'DE',
      buyerType: 'business',
      currency: 'EUR',
      lines: [{ description: 'Solopreneur', quantity: 1, unitPriceMinor: 2900 }],
    });
    expect(unverified.totals.vatMinor).toBe(551);
  });
});
