import { Injectable } from '@nestjs/common';
import { EfacturaDeadlineApproachingV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { deadlineRef } from '../../deadline-standing';
import { DeadlinesRepository } from '../../deadlines.repository';
import { RaiseDeadlineAlertCommand } from './raise-deadline-alert.command';

export type DeadlineAlertOutcome = 'alerted' | 'skipped';

/**
 * E2: 2, then 1 working day before the deadline, a document ANAF has not accepted (invalid, queued,
 * waiting on ANAF or an authorisation, rejected) publishes `efactura.deadline.approaching` in the
 * unit of work of its durable job; notifications e-mails the owner and staff.
 */
@Injectable()
export class RaiseDeadlineAlertUseCase {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RaiseDeadlineAlertCommand, uow: UnitOfWork): Promise<DeadlineAlertOutcome> {
    const standing = await this.deadlines.lockStanding(uow, command.documentId);
    if (!standing || standing.submissionStatus === 'accepted' || standing.deadlineMissedAt) return 'skipped';
    const now = await this.clocks.now(uow, standing.accountId);
    await uow.emit(EfacturaDeadlineApproachingV1, {
      accountId: standing.accountId,
      subject: standing.documentId,
      data: { ...deadlineRef(standing), workingDaysLeft: command.workingDaysLeft, alertedAt: now.toISOString() },
    });
    return 'alerted';
  }
}
