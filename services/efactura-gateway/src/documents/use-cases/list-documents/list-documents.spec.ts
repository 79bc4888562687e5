import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DocumentsRepository } from '../../documents.repository';
import { InMemoryDocuments } from '../../test-support/in-memory-documents';
import { issuedRomanianInvoice as issuedInvoice } from '@obolus/testing';
import { StandInValidator } from '../../test-support/stand-in-validator';
import { UblValidator } from '../../ubl-validator.provider';
import { SubmissionQueue } from '../../../submissions/submission-queue';
import { inMemoryDeadlinePlanner } from '../../../deadlines/test-support/in-memory-deadline-planner';
import { RecordingSubmissionQueue } from '../../../submissions/test-support/recording-submission-queue';
import { PrepareDocumentCommand } from '../prepare-document/prepare-document.command';
import { PrepareDocumentUseCase } from '../prepare-document/prepare-document.use-case';
import { ListDocumentsCommand } from './list-documents.command';
import { ListDocumentsUseCase } from './list-documents.use-case';

describe('ListDocumentsUseCase', () => {
  it("lists the account's own documents, newest first, without their XML", async () => {
    const documents = new InMemoryDocuments();
    const repository = documents as unknown as DocumentsRepository;
    const clock = new SettableClock();
    const uow = new RecordingUnitOfWork(clock);
    const prepare = new PrepareDocumentUseCase(
      new StandInValidator() as unknown as UblValidator,
      repository,
      clock,
      new RecordingSubmissionQueue() as unknown as SubmissionQueue,
      inMemoryDeadlinePlanner(clock),
    );
    const mine = issuedInvoice();
    const later = { ...issuedInvoice(), invoiceId: '6b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11', number: 'OBRO-2026-000002' };
    const other = {
      ...issuedInvoice(),
      accountId: '7b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
      invoiceId: '8b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    };
    for (const invoice of [mine, other, later]) {
      await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
      clock.advance(1000);
    }

    const list = await new ListDocumentsUseCase(repository).execute(
      ListDocumentsCommand.create({ accountId: mine.accountId }),
      uow,
    );
    expect(list.map((d) => d.invoiceNumber)).toEqual(['OBRO-2026-000002', 'OBRO-2026-000001']);
    expect(list.every((d) => d.accountId === mine.accountId && !('xml' in d))).toBe(true);
  });
});
