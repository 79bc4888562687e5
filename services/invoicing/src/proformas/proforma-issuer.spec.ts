import { isValidPaymentReference } from '@obolus/bank-statements';
import { InvoiceOverdueV1, InvoicePaymentRequestedV1, ProformaIssuedV1, violationsOf } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { PROFORMA_REMINDER_JOB, ProformaReminderPayload } from './proforma-reminders';
import { RemindUnpaidProformaCommand } from './use-cases/remind-unpaid-proforma/remind-unpaid-proforma.command';
import { RemindUnpaidProformaUseCase } from './use-cases/remind-unpaid-proforma/remind-unpaid-proforma.use-case';
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

  it('reminds an unpaid proforma 7, 14 and 30 days after its due date, the last one final, and a paid one never', async () => {
    const accountId = await world.signUp();
    await world.requestPayment(accountId, { paymentMethod: 'bank_transfer' });
    const jobs = world.jobs.take(PROFORMA_REMINDER_JOB);
    // Due 2026-12-22; 08:00 in Bucharest (UTC+2 in winter).
    expect(jobs.map((j) => j.dueAt.toISOString())).toEqual([
      '2026-12-29T06:00:00.000Z',
      '2027-01-05T06:00:00.000Z',
      '2027-01-21T06:00:00.000Z',
    ]);
    const remind = new RemindUnpaidProformaUseCase(
      world.proformasRepository,
      world.sellers,
      world.accountClocks,
      world.invoicesRepository,
    );
    const run = async (index: number) => {
      const uow = new RecordingUnitOfWork(world.clock);
      world.clock.set(jobs[index]!.dueAt);
      const payload = jobs[index]!.payload as ProformaReminderPayload;
      await remind.execute(RemindUnpaidProformaCommand.create({ accountId, ...payload, dueAt: jobs[index]!.dueAt }), uow);
      return uow.dataOf(InvoiceOverdueV1);
    };
    const [first] = await run(0);
    expect(violationsOf(InvoiceOverdueV1, first)).toEqual([]);
    expect(first).toMatchObject({
      document: { kind: 'proforma', number: 'OBRO-PF-2026-000001', dueDate: '2026-12-22' },
      currency: 'RON',
      locale: 'ro',
      daysOverdue: 7,
      reminder: 1,
      final: false,
      recipients: ['ana@popescu.ro'],
    });
    expect((await run(2))[0]).toMatchObject({ daysOverdue: 30, reminder: 3, final: true });
    const [draft] = world.draftsOf(accountId);
    await world.issueInvoice(world.payment(draft!.id, { paymentMethod: 'bank_transfer' }));
    expect(await run(1)).toEqual([]);
  });
});
