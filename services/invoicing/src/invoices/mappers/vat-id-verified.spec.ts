import { BillingDetailsEntity } from '../../billing-details/entities/billing-details.entity';
import { vatIdVerified } from './vat-id-verified';

const details = (vatNumber: string | null, vatStatus: BillingDetailsEntity['vatStatus']): BillingDetailsEntity => ({
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  legalName: 'Beispiel GmbH',
  buyerType: 'business',
  vatNumber,
  companyId: null,
  tradeRegisterNumber: null,
  line1: 'Hauptstraße 1',
  line2: null,
  city: 'Berlin',
  postalCode: null,
  countrySubdivision: null,
  country: 'DE',
  extraRecipients: [],
  updatedAt: new Date('2026-11-20T08:00:00.000Z'),
  vatStatus,
  vatCheckedAt: vatStatus ? new Date('2026-11-20T08:00:00.000Z') : null,
  vatCheckId: vatStatus ? '6f1c1e2a-5a0f-4b5e-9d5e-0b9f3a8e0c11' : null,
});

describe('vatIdVerified', () => {
  it('holds only for a number VIES verified', () => {
    expect(vatIdVerified(details('DE108262480', 'verified'), 'FR')).toBe(true);
    expect(vatIdVerified(details('DE108262480', 'pending'), 'FR')).toBe(false);
    expect(vatIdVerified(details('DE108262480', 'invalid'), 'FR')).toBe(false);
    expect(vatIdVerified(details(null, null), 'FR')).toBe(false);
    expect(vatIdVerified(null, 'FR')).toBe(false);
  });

  it("does not hold for a number of the seller's own member state, wherever the buyer's address is", () => {
    expect(vatIdVerified(details('FR82342464408', 'verified'), 'FR')).toBe(false);
    expect(vatIdVerified(details('FR82342464408', 'verified'), 'RO')).toBe(true);
    expect(vatIdVerified(details('EL066020646', 'verified'), 'GR')).toBe(false);
  });
});
