import { BillingDetailsEntity } from '../../billing-details/entities/billing-details.entity';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { buyerParty } from './buyer-party';

const accountId = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const customer: CustomerEntity = {
  accountId,
  companyName: 'Atelier Dupont',
  ownerEmail: 'claire@atelier.fr',
  country: 'FR',
  catalog: 'fr-crm',
  locale: 'fr',
  createdAt: new Date('2026-03-02T09:00:00.000Z'),
};
const details: BillingDetailsEntity = {
  accountId,
  legalName: 'Firma Popescu SRL',
  buyerType: 'business',
  vatNumber: 'RO14040242',
  companyId: null,
  tradeRegisterNumber: null,
  line1: 'Strada Lipscani 10',
  line2: null,
  city: 'SECTOR3',
  postalCode: null,
  countrySubdivision: 'RO-B',
  country: 'RO',
  extraRecipients: [],
  updatedAt: new Date('2026-03-02T09:00:00.000Z'),
  vatStatus: 'verified',
  vatCheckedAt: new Date('2026-03-02T09:00:00.000Z'),
  vatCheckId: '6f1c1e2a-5a0f-4b5e-9d5e-0b9f3a8e0c11',
};

describe('buyerParty', () => {
  it('takes the billing details when there are some, leaving out what is empty', () => {
    expect(buyerParty(details, customer, 'FR')).toEqual({
      legalName: 'Firma Popescu SRL',
      buyerType: 'business',
      vatId: 'RO14040242',
      address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
    });
  });

  it('makes an individual of the sign-up when no details were set (V2)', () => {
    expect(buyerParty(null, customer, 'RO')).toEqual({
      legalName: 'Atelier Dupont',
      buyerType: 'individual',
      address: { line1: '-', city: '-', country: 'FR' },
    });
  });

  it("falls back to the seller's country for an account it does not know yet", () => {
    expect(buyerParty(null, null, 'RO')).toEqual({
      legalName: 'Customer',
      buyerType: 'individual',
      address: { line1: '-', city: '-', country: 'RO' },
    });
  });
});
