import { InvoicePaymentRequestedV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { RequestPaymentCommand } from './request-payment.command';

describe('RequestPaymentUseCase', () => {
  let world: InvoicingWorld;

  beforeEach(() => {
    world = new InvoicingWorld();
  });

  it('prices a Romanian business at 21% VAT from the Romanian entity, and asks for the gross amount', async () => {
    const accountId = await world.signUp();
    await world.setBillingDetails({
      accountId,
      legalName: 'Firma Popescu SRL',
      buyerType: 'business',
      companyId: '12448440',
      address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
    });
    await world.requestPayment(accountId);

    const [draft] = world.draftsOf(accountId);
    expect(draft).toMatchObject({
      sellerEntity: 'obolus-ro',
      locale: 'ro',
      taxPointDate: '2026-11-22',
      buyer: { legalName: 'Firma Popescu SRL', buyerType: 'business', companyId: '12448440' },
      totals: { netMinor: 9800, vatMinor: 2058, grossMinor: 11858 },
      legalMention: null,
      status: 'awaiting_payment',
    });
    expect(world.uow.dataOf(InvoicePaymentRequestedV1)).toEqual([
      {
        accountId,
        draftId: draft!.id,
        subscriptionId: draft!.subscriptionId,
        currency: 'RON',
        amountDueMinor: 11858,
        paymentMethod: 'card',
        description: 'Premium (prepaid-1), 2 utilizatori',
        requestedAt: '2026-11-22T10:00:00.000Z',
      },
    ]);
  });

  it('bills a French account that set no details as an individual, in its own language, with French VAT', async () => {
    const accountId = await world.signUp({ companyName: 'Atelier Dupont', country: 'FR', catalog: 'fr-crm', locale: 'en' });
    await world.requestPayment(accountId, {
      catalog: 'fr-crm',
      currency: 'EUR',
      lines: [{ code: 'dream-team', description: 'Dream Team (monthly)', quantity: 1, unitPriceMinor: 1000 }],
    });
    const [draft] = world.draftsOf(accountId);
    expect(draft).toMatchObject({
      sellerEntity: 'obolus-fr',
      locale: 'en',
      seller: { legalName: 'Obolus SAS' },
      buyer: { legalName: 'Atelier Dupont', buyerType: 'individual', address: { country: 'FR' } },
      totals: { netMinor: 1000, vatMinor: 200, grossMinor: 1200 },
    });
  });

  it('makes one draft and asks once for an activation delivered twice', async () => {
    const accountId = await world.signUp();
    const eventId = randomUUID();
    await world.requestPayment(accountId, { eventId });
    await world.requestPayment(accountId, { eventId });
    expect(world.draftsOf(accountId)).toHaveLength(1);
    expect(world.uow.dataOf(InvoicePaymentRequestedV1)).toHaveLength(1);
  });

  it('refuses an activation without lines, naming the field', () => {
    const create = () =>
      RequestPaymentCommand.create({
        accountId: randomUUID(),
        subscriptionId: randomUUID(),
        catalog: 'ro-crm',
        sellerEntity: 'obolus-ro',
        currency: 'RON',
        paymentMethod: 'card',
        lines: [],
        activatedAt: '2026-11-22T09:00:00.000Z',
        eventId: randomUUID(),
      });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'lines' })] }));
  });
});
