import { Injectable } from '@nestjs/common';
import { EfacturaDeadlineMissedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { deadlineMissedAt } from '../../deadline-schedule';
import { deadlineRef } from '../../deadline-standing';
import { DeadlinesRepository } from '../../deadlines.repository';
import { RecordMissedDeadlineCommand } from './record-missed-deadline.command';

export type MissedDeadlineOutcome = 'missed' | 'met';

/**
 * E2: once the deadline's day is over, a document ANAF has not accepted is marked missed on its row
 * (listed with it) and `efactura.deadline.missed` is published, in the same unit of work. Never
 * hidden: a later acceptance does not clear it.
 */
@Injectable()
export class RecordMissedDeadlineUseCase {
  constructor(private readonly deadlines: DeadlinesRepository) {}

  async execute(command: RecordMissedDeadlineCommand, uow: UnitOfWork): Promise<MissedDeadlineOutcome> {
    const standing = await this.deadlines.lockStanding(uow, command.documentId);
    if (!standing || standing.submissionStatus === 'accepted') return 'met';
    if (standing.deadlineMissedAt) return 'missed';
    const missedAt = deadlineMissedAt(standing.uploadDeadline);
    await this.deadlines.markMissed(uow, standing.accountId, standing.documentId, missedAt);
    await uow.emit(EfacturaDeadlineMissedV1, {
      accountId: standing.accountId,
      subject: standing.documentId,
      data: { ...deadlineRef(standing), missedAt: missedAt.toISOString() },
    });
    return 'missed';
  }
}
