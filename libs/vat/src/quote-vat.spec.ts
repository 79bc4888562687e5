import { quoteVat, VatError, VatQuoteInput } from './index';

describe('quoteVat', () => {
  const on = (input: Omit<VatQuoteInput, 'taxPointDate'>, taxPointDate = '2025-09-01') => quoteVat({ ...input, taxPointDate });

  it.each([
    // PRODUCT V2, French seller
    ['FR buyer, individual', { sellerCountry: 'FR', buyerCountry: 'FR' }, 'S', 20, 'domestic'],
    [
      'FR buyer, business',
      { sellerCountry: 'FR', buyerCountry: 'FR', buyerType: 'business', vatIdVerified: true },
      'S',
      20,
      'domestic',
    ],
    [
      'DE business, verified',
      { sellerCountry: 'FR', buyerCountry: 'DE', buyerType: 'business', vatIdVerified: true },
      'AE',
      0,
      'reverse-charge-intra-eu',
    ],
    [
      'DE business, not verified yet (V3)',
      { sellerCountry: 'FR', buyerCountry: 'DE', buyerType: 'business', vatIdVerified: false },
      'S',
      19,
      'oss-destination-rate',
    ],
    [
      'DE individual (OSS)',
      { sellerCountry: 'FR', buyerCountry: 'DE', buyerType: 'individual' },
      'S',
      19,
      'oss-destination-rate',
    ],
    [
      'FI buyer who did not say business',
      { sellerCountry: 'FR', buyerCountry: 'FI', vatIdVerified: true },
      'S',
      25.5,
      'oss-destination-rate',
    ],
    ['GR individual, written EL', { sellerCountry: 'FR', buyerCountry: 'EL' }, 'S', 24, 'oss-destination-rate'],
    ['US business', { sellerCountry: 'FR', buyerCountry: 'US', buyerType: 'business' }, 'O', 0, 'outside-eu-not-subject'],
    ['US individual', { sellerCountry: 'FR', buyerCountry: 'US' }, 'O', 0, 'outside-eu-not-subject'],
    [
      'GB business (no longer EU)',
      { sellerCountry: 'FR', buyerCountry: 'GB', buyerType: 'business', vatIdVerified: true },
      'O',
      0,
      'outside-eu-not-subject',
    ],
    ['CH individual', { sellerCountry: 'FR', buyerCountry: 'CH' }, 'O', 0, 'outside-eu-not-subject'],
    // PRODUCT V4, Romanian seller
    ['RO buyer', { sellerCountry: 'RO', buyerCountry: 'RO', buyerType: 'business' }, 'S', 21, 'domestic'],
    [
      'FR business, verified',
      { sellerCountry: 'RO', buyerCountry: 'FR', buyerType: 'business', vatIdVerified: true },
      'AE',
      0,
      'reverse-charge-intra-eu',
    ],
    ['SK individual', { sellerCountry: 'RO', buyerCountry: 'SK' }, 'S', 23, 'oss-destination-rate'],
  ] as const)('%s', (_case, input, category, ratePercent, mention) => {
    const quote = on(input);
    expect(quote.category).toBe(category);
    expect(quote.ratePercent).toBe(ratePercent);
    expect(quote.mention.key).toBe(mention);
  });

  it('takes the rate in force on the tax point (V4)', () => {
    expect(on({ sellerCountry: 'RO', buyerCountry: 'RO' }, '2025-07-31')).toMatchObject({
      ratePercent: 19,
      rateBasisPoints: 1900,
    });
    expect(on({ sellerCountry: 'RO', buyerCountry: 'RO' }, '2025-08-01')).toMatchObject({
      ratePercent: 21,
      rateBasisPoints: 2100,
    });
    expect(on({ sellerCountry: 'FR', buyerCountry: 'EE' }, '2025-06-30').ratePercent).toBe(22);
    expect(on({ sellerCountry: 'FR', buyerCountry: 'EE' }, '2025-07-01').ratePercent).toBe(24);
  });

  it('carries the mention in fr, ro and en and the VATEX code of zero-VAT categories', () => {
    const reverse = on({ sellerCountry: 'FR', buyerCountry: 'DE', buyerType: 'business', vatIdVerified: true });
    expect(reverse.mention.fr).toContain('Autoliquidation');
    expect(reverse.mention.ro).toContain('Taxare inversă');
    expect(reverse.mention.en).toContain('Reverse charge');
    expect(reverse.exemptionReasonCode).toBe('VATEX-EU-AE');
    expect(reverse.treatment).toBe('intra-eu-reverse-charge');
    expect(on({ sellerCountry: 'FR', buyerCountry: 'US' }).exemptionReasonCode).toBe('VATEX-EU-O');
    expect(on({ sellerCountry: 'FR', buyerCountry: 'DE' })).toMatchObject({ rateCountry: 'DE', exemptionReasonCode: null });
  });

  it('refuses a seller outside the EU, a bad country, a bad date', () => {
    const codeOf = (input: VatQuoteInput) => {
      try {
        quoteVat(input);
      } catch (error) {
        return (error as VatError).code;
      }
      return undefined;
    };
    expect(codeOf({ sellerCountry: 'US', buyerCountry: 'FR', taxPointDate: '2025-09-01' })).toBe('SELLER_NOT_IN_EU');
    expect(codeOf({ sellerCountry: 'France', buyerCountry: 'FR', taxPointDate: '2025-09-01' })).toBe('INVALID_COUNTRY');
    expect(codeOf({ sellerCountry: 'FR', buyerCountry: 'US', taxPointDate: '01/09/2025' })).toBe('INVALID_TAX_POINT_DATE');
  });
});
