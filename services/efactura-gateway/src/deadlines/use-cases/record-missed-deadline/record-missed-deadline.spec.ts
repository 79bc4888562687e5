import { EfacturaDeadlineMissedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DeadlinesRepository } from '../../deadlines.repository';
import { InMemoryDeadlines } from '../../test-support/in-memory-deadlines';
import { RecordMissedDeadlineCommand } from './record-missed-deadline.command';
import { RecordMissedDeadlineUseCase } from './record-missed-deadline.use-case';

const ACCOUNT = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const DOCUMENT = '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const INVOICE = '2d9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';

describe('RecordMissedDeadlineUseCase', () => {
  let deadlines: InMemoryDeadlines;
  let uow: RecordingUnitOfWork;
  let record: RecordMissedDeadlineUseCase;
  const command = RecordMissedDeadlineCommand.create({ documentId: DOCUMENT });

  beforeEach(() => {
    uow = new RecordingUnitOfWork(new SettableClock(new Date('2026-12-28T22:00:00.000Z')));
    deadlines = new InMemoryDeadlines();
    deadlines.rows.set(DOCUMENT, {
      documentId: DOCUMENT,
      accountId: ACCOUNT,
      invoiceId: INVOICE,
      invoiceNumber: 'OBRO-2026-000001',
      issueDate: '2026-12-18',
      uploadDeadline: '2026-12-28',
      valid: true,
      deadlineMissedAt: null,
      submissionStatus: 'uploaded',
    });
    record = new RecordMissedDeadlineUseCase(deadlines as unknown as DeadlinesRepository);
  });

  it('records the miss on the document and reports it once, at the start of the next day in Romania', async () => {
    expect(await record.execute(command, uow)).toBe('missed');
    expect(await record.execute(command, uow)).toBe('missed');
    expect(deadlines.rows.get(DOCUMENT)!.deadlineMissedAt).toEqual(new Date('2026-12-28T22:00:00.000Z'));
    expect(uow.dataOf(EfacturaDeadlineMissedV1)).toEqual([
      {
        accountId: ACCOUNT,
        documentId: DOCUMENT,
        invoiceId: INVOICE,
        invoiceNumber: 'OBRO-2026-000001',
        issueDate: '2026-12-18',
        uploadDeadline: '2026-12-28',
        status: 'uploaded',
        missedAt: '2026-12-28T22:00:00.000Z',
      },
    ]);
  });

  it('records nothing for a document ANAF accepted in time', async () => {
    deadlines.rows.set(DOCUMENT, { ...deadlines.rows.get(DOCUMENT)!, submissionStatus: 'accepted' });
    expect(await record.execute(command, uow)).toBe('met');
    expect(deadlines.rows.get(DOCUMENT)!.deadlineMissedAt).toBeNull();
    expect(uow.emitted).toEqual([]);
  });

  it('reports an invalid document, never sent, as missed too', async () => {
    deadlines.rows.set(DOCUMENT, { ...deadlines.rows.get(DOCUMENT)!, submissionStatus: null, valid: false });
    await record.execute(command, uow);
    expect(uow.dataOf(EfacturaDeadlineMissedV1)).toMatchObject([{ status: 'invalid' }]);
  });
});
