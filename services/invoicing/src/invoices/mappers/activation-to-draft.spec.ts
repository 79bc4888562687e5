import { SellerRegistry } from '../../sellers/seller-registry';
import { RequestPaymentInput } from '../use-cases/request-payment/request-payment.command';
import { activationToDraft, defaultLocaleOf, paymentRequestOf } from './activation-to-draft';

const activation: RequestPaymentInput = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  subscriptionId: '4b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  catalog: 'fr-crm',
  sellerEntity: 'obolus-fr',
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
      vatIdVerified: false,
    },
    'draft-1',
    createdAt,
  );

/** The activation drafted for a buyer in `country`, in `locale`. */
const draftFor = (
  buyer: { buyerType: 'business' | 'individual'; country: string; vatId?: string },
  vatIdVerified: boolean,
  locale: 'fr' | 'ro' | 'en' = 'en',
) =>
  activationToDraft(
    activation,
    {
      seller,
      buyer: {
        legalName: 'Beispiel GmbH',
        buyerType: buyer.buyerType,
        ...(buyer.vatId ? { vatId: buyer.vatId } : {}),
        address: { line1: 'Hauptstr. 1', city: 'Berlin', country: buyer.country },
      },
      locale,
      taxPointDate: '2026-11-22',
      vatIdVerified,
    },
    'draft-2',
    createdAt,
  );

describe('activationToDraft', () => {
  it.each([
    ['fr', 'Autoliquidation : TVA due par le preneur'],
    ['ro', 'Taxare inversă: TVA se datorează de beneficiar'],
    ['en', 'Reverse charge: VAT to be accounted for by the customer'],
  ] as const)(
    'reverse-charges a German business whose number VIES verified, with the mention in %s (V3)',
    (locale, mention) => {
      const draft = draftFor({ buyerType: 'business', country: 'DE', vatId: 'DE108262480' }, true, locale);
      expect(draft.totals).toEqual({ netMinor: 30500, vatMinor: 0, grossMinor: 30500 });
      expect(draft.lines.map((l) => [l.vatCategory, l.vatRateBasisPoints])).toEqual([
        ['AE', 0],
        ['AE', 0],
      ]);
      expect(draft.vatBreakdown).toEqual([
        expect.objectContaining({ vatCategory: 'AE', taxMinor: 0, exemptionReasonCode: 'VATEX-EU-AE' }),
      ]);
      expect(draft.legalMention).toContain(mention);
    },
  );

  it('charges German VAT through OSS to a German business whose number is not verified yet (V3)', () => {
    const draft = draftFor({ buyerType: 'business', country: 'DE', vatId: 'DE108262480' }, false);
    expect(draft.totals).toEqual({ netMinor: 30500, vatMinor: 5795, grossMinor: 36295 });
    expect(draft.vatBreakdown).toEqual([expect.objectContaining({ vatCategory: 'S', vatRateBasisPoints: 1900 })]);
    expect(draft.legalMention).toContain('One-Stop Shop');
  });

  it("charges a German individual its own country's rate (V2, OSS), verified or not", () => {
    for (const verified of [false, true]) {
      const draft = draftFor({ buyerType: 'individual', country: 'DE' }, verified);
      expect(draft.totals.vatMinor).toBe(5795);
      expect(draft.vatBreakdown[0]).toMatchObject({ vatCategory: 'S', vatRateBasisPoints: 1900 });
    }
  });

  it('charges French VAT to a French business even with a verified number: reverse charge is for other member states', () => {
    const draft = draftFor({ buyerType: 'business', country: 'FR', vatId: 'FR82342464408' }, true);
    expect(draft.totals.vatMinor).toBe(6100);
    expect(draft.legalMention).toBeNull();
  });

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
