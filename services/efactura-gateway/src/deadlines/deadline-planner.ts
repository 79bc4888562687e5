import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import {
  ALERT_WORKING_DAYS,
  DEADLINE_ALERT_JOB,
  DEADLINE_MISSED_JOB,
  DeadlineAlertPayload,
  deadlineAlertAt,
  deadlineMissedAt,
  DeadlineMissedPayload,
} from './deadline-schedule';

export interface DocumentDeadline {
  documentId: string;
  accountId: string;
  uploadDeadline: string;
}

/**
 * Plans a document's deadline jobs in the unit of work that stored it (E2): an alert at 2 and at 1
 * working day before the deadline, and the check that it was met, each a durable job due in the
 * account's time (a test clock's, when it lives on one). An alert whose next step is already due (a
 * document stored late) is not planned: the later one says more. Valid or not, every document gets
 * them: an invalid document misses its deadline too.
 */
@Injectable()
export class DeadlinePlanner {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async plan(uow: UnitOfWork, document: DocumentDeadline): Promise<void> {
    const now = await this.clocks.now(uow, document.accountId);
    const missedAt = deadlineMissedAt(document.uploadDeadline);
    const steps = [...ALERT_WORKING_DAYS.map((days) => deadlineAlertAt(document.uploadDeadline, days)), missedAt];
    for (const [i, workingDaysLeft] of ALERT_WORKING_DAYS.entries()) {
      if (steps[i + 1]!.getTime() <= now.getTime()) continue;
      await this.scheduler.schedule<DeadlineAlertPayload>(uow, {
        kind: DEADLINE_ALERT_JOB,
        key: `${document.documentId}:${workingDaysLeft}`,
        accountId: document.accountId,
        dueAt: steps[i]!,
        payload: { documentId: document.documentId, workingDaysLeft },
      });
    }
    await this.scheduler.schedule<DeadlineMissedPayload>(uow, {
      kind: DEADLINE_MISSED_JOB,
      key: document.documentId,
      accountId: document.accountId,
      dueAt: missedAt,
      payload: { documentId: document.documentId },
    });
  }
}
