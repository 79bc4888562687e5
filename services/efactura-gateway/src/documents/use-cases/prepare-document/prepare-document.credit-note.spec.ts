import { EfacturaDocumentValidatedV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { issuedRomanianInvoice, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { inMemoryDeadlinePlanner } from '../../../deadlines/test-support/in-memory-deadline-planner';
import { SubmissionQueue } from '../../../submissions/submission-queue';
import { RecordingSubmissionQueue } from '../../../submissions/test-support/recording-submission-queue';
import { DocumentsRepository } from '../../documents.repository';
import { InMemoryDocuments } from '../../test-support/in-memory-documents';
import { issuedRomanianCreditNote } from '../../test-support/issued-credit-note';
import { StandInValidator } from '../../test-support/stand-in-validator';
import { UblValidator } from '../../ubl-validator.provider';
import { PrepareDocumentCommand } from './prepare-document.command';
import { PrepareDocumentUseCase } from './prepare-document.use-case';

describe('PrepareDocumentUseCase for a credit note', () => {
  let documents: InMemoryDocuments;
  let validator: StandInValidator;
  let uow: RecordingUnitOfWork;
  let prepare: PrepareDocumentUseCase;
  let queue: RecordingSubmissionQueue;

  beforeEach(() => {
    documents = new InMemoryDocuments();
    validator = new StandInValidator();
    queue = new RecordingSubmissionQueue();
    const clock = new SettableClock(new Date('2026-11-27T10:00:05.000Z'));
    uow = new RecordingUnitOfWork(clock);
    prepare = new PrepareDocumentUseCase(
      validator as unknown as UblValidator,
      documents as unknown as DocumentsRepository,
      clock,
      queue as unknown as SubmissionQueue,
      inMemoryDeadlinePlanner(clock),
    );
  });

  it('stores the checked CreditNote under its own id, announces it as a credit note, and queues it with standard CN', async () => {
    const creditNote = issuedRomanianCreditNote();
    await prepare.execute(PrepareDocumentCommand.create({ creditNote }), uow);

    const stored = documents.rows.get(creditNote.creditNoteId)!;
    expect(stored).toMatchObject({
      kind: 'credit-note',
      invoiceNumber: 'OBRO-CN-2026-000001',
      correctedInvoiceNumber: 'OBRO-2026-000001',
      issueDate: '2026-11-27',
      valid: true,
    });
    expect(stored.xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(stored.xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>OBRO-2026-000001<\/cbc:ID>/);
    expect(validator.checked).toEqual([stored.xml]);
    expect(uow.dataOf(EfacturaDocumentValidatedV1)).toEqual([
      expect.objectContaining({
        documentId: stored.id,
        kind: 'credit-note',
        invoiceId: creditNote.creditNoteId,
        invoiceNumber: 'OBRO-CN-2026-000001',
        correctedInvoiceNumber: 'OBRO-2026-000001',
        valid: true,
      }),
    ]);
    expect(queue.queued).toEqual([
      expect.objectContaining({
        documentId: stored.id,
        invoiceId: creditNote.creditNoteId,
        cif: '14040242',
        endpoint: 'upload',
        standard: 'CN',
        extern: false,
      }),
    ]);
  });

  it('keeps the invoice and its credit note apart, and prepares a redelivered credit note once', async () => {
    const invoice = issuedRomanianInvoice();
    const creditNote = issuedRomanianCreditNote();
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
    await prepare.execute(PrepareDocumentCommand.create({ creditNote }), uow);
    await prepare.execute(PrepareDocumentCommand.create({ creditNote }), uow);

    expect([...documents.rows.values()].map((d) => [d.kind, d.invoiceNumber])).toEqual([
      ['invoice', 'OBRO-2026-000001'],
      ['credit-note', 'OBRO-CN-2026-000001'],
    ]);
    expect(queue.queued.map((q) => q.standard)).toEqual(['UBL', 'CN']);
  });

  it('sends a credit note to a Romanian consumer through uploadb2c, still as CN', async () => {
    const creditNote = issuedRomanianCreditNote();
    creditNote.buyer = { legalName: 'Ion Popescu', buyerType: 'individual', address: creditNote.buyer.address };
    await prepare.execute(PrepareDocumentCommand.create({ creditNote }), uow);
    expect(queue.queued).toEqual([expect.objectContaining({ endpoint: 'uploadb2c', standard: 'CN' })]);
  });

  it("prepares nothing for a French seller's credit note", async () => {
    const creditNote = issuedRomanianCreditNote();
    creditNote.seller = { ...creditNote.seller, address: { line1: '12 rue de la Paix', city: 'Paris', country: 'FR' } };
    await prepare.execute(PrepareDocumentCommand.create({ creditNote }), uow);
    expect(documents.rows.size).toBe(0);
    expect(uow.dataOf(EfacturaDocumentValidatedV1)).toEqual([]);
  });

  it('refuses a credit note that does not name the invoice it corrects (BT-25)', () => {
    const create = () => PrepareDocumentCommand.create({ creditNote: { ...issuedRomanianCreditNote(), invoiceNumber: '' } });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'creditNote.invoiceNumber' })] }));
  });
});
