import { SellerRegistry } from '../../sellers/seller-registry';
import { sellerParty } from './seller-party';

describe('sellerParty', () => {
  it('names the Romanian entity by its legal identity and address, without its series or time zone', () => {
    const party = sellerParty(new SellerRegistry().forCatalog('ro-crm'));
    expect(party).toEqual({
      legalName: 'Obolus Software SRL',
      vatId: 'RO14040242',
      companyId: '14040242',
      tradeRegisterNumber: 'J40/1234/2001',
      email: 'facturare@obolus.example',
      address: { line1: 'Strada Victoriei 10', city: 'SECTOR1', postalCode: '010061', countrySubdivision: 'RO-B', country: 'RO' },
    });
  });

  it('sells a fr-crm subscription from the French entity', () => {
    expect(sellerParty(new SellerRegistry().forCatalog('fr-crm'))).toMatchObject({
      legalName: 'Obolus SAS',
      vatId: 'FR82342464408',
    });
  });
});
