import { isValidPaymentReference } from '@obolus/bank-statements';
import { InvoicePaymentRequestedV1, ProformaIssuedV1, violationsOf } from '@obolus/contracts';
import { InvoicingWorld } from '../test-support/invoicing-world';

describe('proformas for bank transfers (I4, P3)', () => {
  let world: InvoicingWorld;

  beforeEach(() => {
    world = new InvoicingWorld();
  });

  it('asks a Romanian payment order with a proforma in its own series, RON, its IBAN and an RF reference payments will match', async () => {
    const accountId = await world.signUp();
    await world.requestPayment(accountId, { paymentMethod: 'bank_transfer' });
    const [proforma] = world.uow.dataOf(ProformaIssuedV1);
    expect(violationsOf(ProformaIssuedV1, proforma)).toEqual([]);
    expect(proforma).toMatchObject({
      accountId,
      number: 'OBRO-PF-2026-000001',
      series: 'OBRO-PF-2026',
      currency: 'RON',
      locale: 'ro',
      issueDate: '2026-11-22',
      dueDate: '2026-12-22',
      recipients: ['ana@popescu.ro'],
      transfer: { iban: 'RO49AAAA1B31007593840000', bic: 'RNCBROBU', accountHolder: 'Obolus Software SRL' },
    });
    expect(proforma!.transfer.amountMinor).toBe(proforma!.totals.grossMinor);
    expect(proforma!.totals.payableMinor).toBe(proforma!.totals.grossMinor);
    expect(isValidPaymentReference(proforma!.transfer.reference)).toBe(true);
    expect(proforma!.transfer.reference).toMatch(/^RF\d{2}OBROPF2026000001$/);
    const [request] = world.uow.dataOf(InvoicePaymentRequestedV1);
    expect(request).toMatchObject({ paymentMethod: 'bank_transfer', transferReference: proforma!.transfer.reference });
    expect(violationsOf(InvoicePaymentRequestedV1, request)).toEqual([]);
    const stored = world.proformas.rows.get(proforma!.proformaId)!;
    expect(stored.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(stored.status).toBe('open');
  });

  it('asks nothing of a card payment, and marks the proforma paid by the invoice that follows the money', async () => {
    const card = await world.signUp();
    await world.requestPayment(card);
    expect(world.uow.dataOf(ProformaIssuedV1)).toEqual([]);
    expect(world.uow.dataOf(InvoicePaymentRequestedV1)[0]).not.toHaveProperty('transferReference');

    const transfer = await world.signUp();
    await world.requestPayment(transfer, { paymentMethod: 'bank_transfer' });
    const [draft] = world.draftsOf(transfer);
    world.clock.set('2026-11-25T08:00:00.000Z');
    await world.issueInvoice(
      world.payment(draft!.id, { paymentMethod: 'bank_transfer', succeededAt: '2026-11-25T08:00:00.000Z' }),
    );
    const [proforma] = [...world.proformas.rows.values()];
    expect(proforma).toMatchObject({ status: 'paid', invoiceId: world.invoices.drafts.get(draft!.id)!.invoiceId });
  });

  it('numbers proformas apart from invoices, gapless', async () => {
    for (let i = 0; i < 3; i += 1) await world.requestPayment(await world.signUp(), { paymentMethod: 'bank_transfer' });
    expect(world.uow.dataOf(ProformaIssuedV1).map((p) => p.number)).toEqual([
      'OBRO-PF-2026-000001',
      'OBRO-PF-2026-000002',
      'OBRO-PF-2026-000003',
    ]);
  });
});
