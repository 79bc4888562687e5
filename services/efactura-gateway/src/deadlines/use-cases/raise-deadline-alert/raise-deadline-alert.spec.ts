import { EfacturaDeadlineApproachingV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DeadlinesRepository } from '../../deadlines.repository';
import { InMemoryDeadlines } from '../../test-support/in-memory-deadlines';
import { RaiseDeadlineAlertCommand } from './raise-deadline-alert.command';
import { RaiseDeadlineAlertUseCase } from './raise-deadline-alert.use-case';

const ACCOUNT = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const DOCUMENT = '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const INVOICE = '2d9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';

describe('RaiseDeadlineAlertUseCase', () => {
  let deadlines: InMemoryDeadlines;
  let uow: RecordingUnitOfWork;
  let clocks: InMemoryAccountClocks;
  let alert: RaiseDeadlineAlertUseCase;

  beforeEach(() => {
    const clock = new SettableClock(new Date('2026-12-22T22:00:00.000Z'));
    uow = new RecordingUnitOfWork(clock);
    clocks = new InMemoryAccountClocks(clock);
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
      submissionStatus: 'queued',
    });
    alert = new RaiseDeadlineAlertUseCase(deadlines as unknown as DeadlinesRepository, clocks);
  });

  it('publishes deadline.approaching for a document ANAF has not accepted, in the account’s time', async () => {
    clocks.onTestClock(ACCOUNT, 'clock-1', new Date('2026-12-23T08:00:00.000Z'));
    expect(await alert.execute(RaiseDeadlineAlertCommand.create({ documentId: DOCUMENT, workingDaysLeft: 2 }), uow)).toBe(
      'alerted',
    );
    expect(uow.dataOf(EfacturaDeadlineApproachingV1)).toEqual([
      {
        accountId: ACCOUNT,
        documentId: DOCUMENT,
        invoiceId: INVOICE,
        invoiceNumber: 'OBRO-2026-000001',
        issueDate: '2026-12-18',
        uploadDeadline: '2026-12-28',
        status: 'queued',
        workingDaysLeft: 2,
        alertedAt: '2026-12-23T08:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['rejected', true, 'rejected'],
    ['uploaded', true, 'uploaded'],
    [null, true, 'not-queued'],
    [null, false, 'invalid'],
  ] as const)('says where a document stands: submission %s, valid %s is %s', async (submissionStatus, valid, status) => {
    deadlines.rows.set(DOCUMENT, { ...deadlines.rows.get(DOCUMENT)!, submissionStatus, valid });
    await alert.execute(RaiseDeadlineAlertCommand.create({ documentId: DOCUMENT, workingDaysLeft: 1 }), uow);
    expect(uow.dataOf(EfacturaDeadlineApproachingV1)).toMatchObject([{ status, workingDaysLeft: 1 }]);
  });

  it('stays silent for an accepted document, an already missed one, or an unknown one', async () => {
    deadlines.rows.set(DOCUMENT, { ...deadlines.rows.get(DOCUMENT)!, submissionStatus: 'accepted' });
    expect(await alert.execute(RaiseDeadlineAlertCommand.create({ documentId: DOCUMENT, workingDaysLeft: 1 }), uow)).toBe(
      'skipped',
    );
    deadlines.rows.set(DOCUMENT, { ...deadlines.rows.get(DOCUMENT)!, submissionStatus: 'queued', deadlineMissedAt: new Date() });
    expect(await alert.execute(RaiseDeadlineAlertCommand.create({ documentId: DOCUMENT, workingDaysLeft: 1 }), uow)).toBe(
      'skipped',
    );
    expect(await alert.execute(RaiseDeadlineAlertCommand.create({ documentId: INVOICE, workingDaysLeft: 2 }), uow)).toBe(
      'skipped',
    );
    expect(uow.emitted).toEqual([]);
  });

  it('refuses an alert other than 2 or 1 working days before', () => {
    expect(() => RaiseDeadlineAlertCommand.create({ documentId: DOCUMENT, workingDaysLeft: 3 })).toThrow(InvalidCommandError);
  });
});
