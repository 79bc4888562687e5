import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../audit-log.repository';
import { RecordStaffActionCommand } from './record-staff-action.command';

/**
 * Appends a staff action, taken in any service, to the account's audit log, at the time it was taken.
 * The inbox absorbs a redelivered event; the event id kept in the entry makes a second copy of the same
 * event (replayed from a dead letter, say) record nothing either.
 */
@Injectable()
export class RecordStaffActionUseCase {
  constructor(private readonly audit: AuditLogRepository) {}

  async execute(command: RecordStaffActionCommand, uow: UnitOfWork): Promise<void> {
    if (await this.audit.hasEvent(uow, command.accountId, command.eventId)) return;
    await this.audit.record(uow, {
      event: 'staff.action-taken',
      accountId: command.accountId,
      staffId: command.staffUserId,
      occurredAt: new Date(command.occurredAt),
      details: {
        eventId: command.eventId,
        action: command.action,
        reason: command.reason,
        staffEmail: command.staffEmail,
        ...(command.subject ? { subject: command.subject } : {}),
        ...(command.details ? { details: command.details } : {}),
      },
    });
  }
}
