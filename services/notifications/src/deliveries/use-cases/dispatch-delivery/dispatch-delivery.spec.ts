import { NotificationDeliveredV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { messageIdOf } from '../../../email/message-id';
import { DeliveriesRepository } from '../../deliveries.repository';
import { deliveryOf } from '../../mappers/deliveries-of-events';
import { accountCreated, invoiceIssued } from '../../test-support/events';
import { InMemoryDeliveries } from '../../test-support/in-memory-deliveries';
import { RecordingMailer } from '../../test-support/recording-mailer';
import { StoredInvoiceDocuments } from '../../test-support/stored-invoice-documents';
import { RecordDeliveryCommand } from '../record-delivery/record-delivery.command';
import { RecordDeliveryUseCase } from '../record-delivery/record-delivery.use-case';
import { DispatchDeliveryCommand } from './dispatch-delivery.command';
import { DispatchDeliveryUseCase } from './dispatch-delivery.use-case';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('DispatchDeliveryUseCase', () => {
  let deliveries: InMemoryDeliveries;
  let documents: StoredInvoiceDocuments;
  let mailer: RecordingMailer;
  let clock: SettableClock;
  let dispatch: DispatchDeliveryUseCase;
  let uow: RecordingUnitOfWork;

  const record = (event: Parameters<typeof deliveryOf>[0]) =>
    new RecordDeliveryUseCase(deliveries as unknown as DeliveriesRepository, clock).execute(
      RecordDeliveryCommand.create(deliveryOf(event)),
      new RecordingUnitOfWork(clock),
    );
  const dispatchNow = () => dispatch.execute(DispatchDeliveryCommand.create({ dueBy: clock.now().toISOString() }), uow);
  const onlyDelivery = () => deliveries.all()[0]!;

  beforeEach(() => {
    deliveries = new InMemoryDeliveries();
    documents = new StoredInvoiceDocuments();
    mailer = new RecordingMailer();
    clock = new SettableClock(new Date('2026-11-27T09:00:00.000Z'));
    uow = new RecordingUnitOfWork(clock);
    dispatch = new DispatchDeliveryUseCase(
      { pollIntervalMs: 500, retryMaxMs: 4000 },
      deliveries as unknown as DeliveriesRepository,
      documents,
      mailer,
      clock,
    );
  });

  it('sends an issued invoice to every recipient with its PDF, marks it sent and announces it', async () => {
    const pdf = Buffer.from('%PDF-1.7 the invoice\n%%EOF\n');
    const event = invoiceIssued(pdf);
    documents.pdfs.set(event.data.invoiceId, pdf);
    await record(event);
    clock.advance(250);

    expect(await dispatchNow()).toBe(true);

    const delivery = onlyDelivery();
    expect(mailer.sent).toEqual([
      {
        deliveryId: delivery.id,
        messageId: messageIdOf(delivery.id),
        to: ['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr'],
        subject: 'Facture OBFR-2026-000042',
        text: expect.stringContaining('140,40\u00a0€'),
        html: expect.stringContaining('140,40\u00a0€'),
        attachments: [{ filename: 'OBFR-2026-000042.pdf', content: pdf, contentType: 'application/pdf' }],
      },
    ]);
    expect(delivery).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: new Date('2026-11-27T09:00:00.250Z'),
    });
    expect(uow.dataOf(NotificationDeliveredV1)).toEqual([
      {
        accountId: event.data.accountId,
        deliveryId: delivery.id,
        template: 'invoice-issued',
        channel: 'email',
        recipients: ['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr'],
        causeEventId: event.id,
        deliveredAt: '2026-11-27T09:00:00.250Z',
      },
    ]);
    expect(uow.emitted[0]!.id).toBe(delivery.id);
  });

  it('answers false, and sends nothing, when no delivery is due', async () => {
    expect(await dispatchNow()).toBe(false);
    expect(mailer.sent).toEqual([]);
  });

  it('keeps a delivery pending while SMTP is down, waiting longer each time up to the cap, then sends it once', async () => {
    await record(accountCreated());
    mailer.failures.push(
      ...[1, 2, 3, 4].map(() => smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1025' })),
    );
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const before = clock.now().getTime();
      expect(await dispatchNow()).toBe(true);
      // Not due again until its wait has passed.
      expect(await dispatchNow()).toBe(false);
      waits.push(onlyDelivery().nextAttemptAt.getTime() - before);
      clock.set(onlyDelivery().nextAttemptAt);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(onlyDelivery()).toMatchObject({
      status: 'pending',
      attempts: 4,
      lastError: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1025',
    });
    expect(mailer.sent).toEqual([]);

    expect(await dispatchNow()).toBe(true);
    expect(mailer.sent).toHaveLength(1);
    expect(onlyDelivery()).toMatchObject({ status: 'sent', attempts: 5, lastError: null });
    expect(uow.dataOf(NotificationDeliveredV1)).toHaveLength(1);
  });

  it('marks the delivery failed, with the reason, when the SMTP server refuses the recipient', async () => {
    await record(accountCreated());
    mailer.failures.push(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 mailbox unavailable' }));
    await dispatchNow();
    expect(onlyDelivery()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'EENVELOPE: 550 5.1.1 mailbox unavailable',
      failedAt: clock.now(),
    });
    expect(uow.emitted).toEqual([]);
  });

  it('marks the delivery failed, sending nothing, when invoicing has no such invoice', async () => {
    const event = invoiceIssued(Buffer.from('%PDF never stored'));
    await record(event);
    await dispatchNow();
    expect(onlyDelivery()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(onlyDelivery().lastError).toContain(`invoicing has no invoice ${event.data.invoiceId}`);
    expect(mailer.sent).toEqual([]);
  });

  it('marks the delivery failed when invoicing serves other bytes than the event announced', async () => {
    const event = invoiceIssued(Buffer.from('%PDF announced'));
    documents.pdfs.set(event.data.invoiceId, Buffer.from('%PDF served'));
    await record(event);
    await dispatchNow();
    expect(onlyDelivery()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(onlyDelivery().lastError).toContain(`the PDF of invoice ${event.data.invoiceId} has SHA-256`);
    expect(mailer.sent).toEqual([]);
  });

  it('tries again later while invoicing is unavailable, and sends once it serves the PDF', async () => {
    const pdf = Buffer.from('%PDF later');
    const event = invoiceIssued(pdf);
    await record(event);
    documents.unavailable = true;
    await dispatchNow();
    expect(onlyDelivery()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('503') });

    documents.unavailable = false;
    documents.pdfs.set(event.data.invoiceId, pdf);
    clock.advance(1000);
    await dispatchNow();
    expect(onlyDelivery()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailer.sent).toHaveLength(1);
  });
});
