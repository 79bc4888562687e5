import { billingDetailsRow } from './billing-details-row';

describe('billingDetailsRow', () => {
  const accountId = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
  const at = new Date('2026-03-02T09:00:00.000Z');

  it('stores what the customer left out as null, and each extra recipient once', () => {
    expect(
      billingDetailsRow(
        {
          accountId,
          legalName: 'Ion Popescu',
          buyerType: 'individual',
          address: { line1: 'Str. Lalelelor 3', city: 'SECTOR3', country: 'RO' },
          extraRecipients: ['a@popescu.ro', ' a@popescu.ro ', 'b@popescu.ro'],
        },
        at,
      ),
    ).toEqual({
      accountId,
      legalName: 'Ion Popescu',
      buyerType: 'individual',
      vatNumber: null,
      companyId: null,
      tradeRegisterNumber: null,
      line1: 'Str. Lalelelor 3',
      line2: null,
      city: 'SECTOR3',
      postalCode: null,
      countrySubdivision: null,
      country: 'RO',
      extraRecipients: ['a@popescu.ro', 'b@popescu.ro'],
      updatedAt: at,
      vatStatus: null,
      vatCheckedAt: null,
      vatCheckId: null,
    });
  });

  it('keeps every field a business gave, with no extra recipients when it named none', () => {
    const row = billingDetailsRow(
      {
        accountId,
        legalName: 'Firma Popescu SRL',
        buyerType: 'business',
        vatNumber: 'RO14040242',
        companyId: '14040242',
        tradeRegisterNumber: 'J40/1234/2001',
        address: {
          line1: 'Strada Lipscani 10',
          line2: 'et. 2',
          city: 'SECTOR3',
          postalCode: '030031',
          countrySubdivision: 'RO-B',
          country: 'RO',
        },
      },
      at,
    );
    expect(row).toMatchObject({
      vatNumber: 'RO14040242',
      companyId: '14040242',
      tradeRegisterNumber: 'J40/1234/2001',
      line2: 'et. 2',
      postalCode: '030031',
      countrySubdivision: 'RO-B',
      extraRecipients: [],
    });
  });
});
