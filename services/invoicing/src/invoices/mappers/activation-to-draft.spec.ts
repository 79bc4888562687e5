import { SellerRegistry } from '../../sellers/seller-registry';
import { RequestPaymentInput } from '../use-cases/request-payment/request-payment.command';
import { activationToDraft, defaultLocaleOf, paymentRequestOf } from './activation-to-draft';

const activation: RequestPaymentInput = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  subscriptionId: '4b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  catalog: 'fr-crm',
  currency: 'EUR',
  paymentMethod: 'sepa_debit',
  lines: [
    { code: 'dream-team', description: 'Dream Team (annual)', quantity: 3, unitPriceMinor: 10000 },
    { code: 'storage', description: 'Storage', quantity: 1, unitPriceMinor: 500 },
  ],
  activatedAt: '2026-11-22T09:00:00.000Z',
  eventId: 'evt-42',
};
const seller = new SellerRegistry().forCatalog('fr-crm');
const createdAt = new Date('2026-11-22T10:00:00.000Z');

/** The activation drafted for a French individual (no VAT number, French VAT). */
const frenchIndividualDraft = () =>
  activationToDraft(
    activation,
    {
      seller,
      buyer: { legalName: 'Claire', buyerType: 'individual', address: { line1: '-', city: '-', country: 'FR' } },
      locale: 'fr',
      taxPointDate: '2026-11-22',
    },
    'draft-1',
    createdAt,
  );

describe('activationToDraft', () => {
  it('charges French VAT to a French individual, with no legal mention', () => {
    const draft = frenchIndividualDraft();
    expect(draft).toMatchObject({
      id: 'draft-1',
      causeEventId: 'evt-42',
      sellerEntity: 'obolus-fr',
      seller: { legalName: 'Obolus SAS' },
      totals: { netMinor: 30500, vatMinor: 6100, grossMinor: 36600 },
      legalMention: null,
      paymentMethod: 'sepa_debit',
      status: 'awaiting_payment',
      invoiceId: null,
      createdAt,
    });
    expect(draft.lines.map((l) => l.netMinor)).toEqual([30000, 500]);
  });

  it('asks payments for the gross amount, describing every line', () => {
    const draft = frenchIndividualDraft();
    expect(paymentRequestOf(draft, activation)).toEqual({
      accountId: activation.accountId,
      draftId: 'draft-1',
      subscriptionId: activation.subscriptionId,
      currency: 'EUR',
      amountDueMinor: 36600,
      paymentMethod: 'sepa_debit',
      description: 'Dream Team (annual); Storage',
      requestedAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it("writes an account's invoices in its catalog's language when the owner's is unknown", () => {
    expect(defaultLocaleOf('ro-crm')).toBe('ro');
    expect(defaultLocaleOf('fr-crm')).toBe('fr');
  });
});
