import { masked, maskReference } from './masking';

describe('masking provider references', () => {
  it('keeps the last four characters only', () => {
    expect(maskReference('pm_1Q2w3E4r5T6y')).toBe('…5T6y');
    expect(maskReference('cus_9')).toBe('…us_9');
    expect(maskReference(null)).toBeNull();
    expect(maskReference('')).toBeNull();
  });

  it('masks the named columns of a row and leaves the others', () => {
    const row = { provider_customer_id: 'cus_NffrFeUfNV2Hib', default_payment_method_type: 'card', amount_minor: 4900 };
    expect(masked(row, ['provider_customer_id', 'absent'])).toEqual({
      provider_customer_id: '…2Hib',
      default_payment_method_type: 'card',
      amount_minor: 4900,
    });
    expect(row.provider_customer_id).toBe('cus_NffrFeUfNV2Hib');
  });
});
