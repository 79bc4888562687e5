import { EfacturaDocumentValidatedV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { inMemoryDeadlinePlanner } from '../../../deadlines/test-support/in-memory-deadline-planner';
import { DEADLINE_ALERT_JOB, DEADLINE_MISSED_JOB } from '../../../deadlines/deadline-schedule';
import { DocumentsRepository } from '../../documents.repository';
import { InMemoryDocuments } from '../../test-support/in-memory-documents';
import { issuedRomanianInvoice as issuedInvoice } from '@obolus/testing';
import { StandInValidator } from '../../test-support/stand-in-validator';
import { UblValidator } from '../../ubl-validator.provider';
import { SubmissionQueue } from '../../../submissions/submission-queue';
import { RecordingSubmissionQueue } from '../../../submissions/test-support/recording-submission-queue';
import { PrepareDocumentCommand } from './prepare-document.command';
import { PrepareDocumentUseCase } from './prepare-document.use-case';

describe('PrepareDocumentUseCase', () => {
  let documents: InMemoryDocuments;
  let validator: StandInValidator;
  let uow: RecordingUnitOfWork;
  let prepare: PrepareDocumentUseCase;
  let queue: RecordingSubmissionQueue;
  let scheduler: InMemoryJobScheduler;

  beforeEach(() => {
    documents = new InMemoryDocuments();
    validator = new StandInValidator();
    queue = new RecordingSubmissionQueue();
    const clock = new SettableClock(new Date('2026-11-22T10:00:05.000Z'));
    uow = new RecordingUnitOfWork(clock);
    scheduler = new InMemoryJobScheduler();
    prepare = new PrepareDocumentUseCase(
      validator as unknown as UblValidator,
      documents as unknown as DocumentsRepository,
      clock,
      queue as unknown as SubmissionQueue,
      inMemoryDeadlinePlanner(clock, scheduler),
    );
  });

  it("plans the deadline alerts at 2 and 1 working days before, and the check after, in Romania's time (E2)", async () => {
    const invoice = { ...issuedInvoice(), issueDate: '2026-12-18' };
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
    const id = documents.rows.get(invoice.invoiceId)!.id;
    expect(documents.rows.get(invoice.invoiceId)!.uploadDeadline).toBe('2026-12-28');
    // Christmas (Friday 25) is not a working day: 2 left on Wednesday 23, 1 on Thursday 24.
    expect(scheduler.pending(DEADLINE_ALERT_JOB, `${id}:2`)?.dueAt.toISOString()).toBe('2026-12-22T22:00:00.000Z');
    expect(scheduler.pending(DEADLINE_ALERT_JOB, `${id}:1`)?.dueAt.toISOString()).toBe('2026-12-23T22:00:00.000Z');
    expect(scheduler.pending(DEADLINE_MISSED_JOB, id)?.dueAt.toISOString()).toBe('2026-12-28T22:00:00.000Z');
  });

  it('stores the checked XML of a Romanian invoice with its upload deadline, and announces it valid', async () => {
    const invoice = issuedInvoice();
    validator.findings = [{ ruleId: 'BR-RO-A999', severity: 'warning', location: '/Invoice', message: 'advice' }];
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);

    const stored = documents.rows.get(invoice.invoiceId)!;
    expect(stored).toMatchObject({
      invoiceNumber: 'OBRO-2026-000001',
      valid: true,
      status: 'valid',
      uploadDeadline: expect.any(String),
    });
    expect(stored.xml).toContain('<cbc:ID>OBRO-2026-000001</cbc:ID>');
    expect(validator.checked).toEqual([stored.xml]);
    expect(uow.dataOf(EfacturaDocumentValidatedV1)).toEqual([
      {
        accountId: invoice.accountId,
        documentId: stored.id,
        invoiceId: invoice.invoiceId,
        invoiceNumber: 'OBRO-2026-000001',
        valid: true,
        fatalFindings: 0,
        warningFindings: 1,
        uploadDeadline: stored.uploadDeadline,
        validatedAt: '2026-11-22T10:00:05.000Z',
      },
    ]);
    expect(queue.queued).toEqual([
      expect.objectContaining({
        documentId: stored.id,
        invoiceId: invoice.invoiceId,
        cif: '14040242',
        endpoint: 'upload',
        standard: 'UBL',
      }),
    ]);
  });

  it('keeps a document the builder refuses, with no XML and the refusal as its fatal finding', async () => {
    const invoice = issuedInvoice();
    // A Romanian company with no id at all cannot be identified on the invoice (BR-RO-120).
    invoice.buyer = { legalName: 'Firma Fără Cod SRL', buyerType: 'business', address: invoice.buyer.address };
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);

    expect(documents.rows.get(invoice.invoiceId)).toMatchObject({
      xml: '',
      valid: false,
      status: 'invalid',
      findings: [expect.objectContaining({ ruleId: 'UBL_DOCUMENT_INVALID', severity: 'fatal' })],
    });
    expect(validator.checked).toEqual([]);
    expect(uow.dataOf(EfacturaDocumentValidatedV1)).toEqual([expect.objectContaining({ valid: false, fatalFindings: 1 })]);
    // A document that fails the official checks is never queued for ANAF.
    expect(queue.queued).toEqual([]);
  });

  it('prepares one document for an invoice delivered twice, and nothing for a French seller', async () => {
    const invoice = issuedInvoice();
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
    const french = issuedInvoice();
    french.invoiceId = '5b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
    french.seller = { ...french.seller, address: { line1: '12 rue de la Paix', city: 'Paris', country: 'FR' } };
    await prepare.execute(PrepareDocumentCommand.create({ invoice: french }), uow);

    expect([...documents.rows.keys()]).toEqual([invoice.invoiceId]);
    expect(uow.dataOf(EfacturaDocumentValidatedV1)).toHaveLength(1);
  });

  it('refuses an event whose invoice has no id, naming the field', () => {
    const create = () => PrepareDocumentCommand.create({ invoice: { ...issuedInvoice(), invoiceId: 'x' } });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'invoice.invoiceId' })] }));
  });
});
