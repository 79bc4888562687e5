import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { RecordOwnerNoticeCommand } from '../record-owner-notice/record-owner-notice.command';
import { RecordOwnerNoticeUseCase } from '../record-owner-notice/record-owner-notice.use-case';
import { RecordStaffAlertCommand } from './record-staff-alert.command';

/** The staff addresses of STAFF_ALERT_EMAILS. */
export const STAFF_ALERT_EMAILS = Symbol('STAFF_ALERT_EMAILS');

/**
 * An account notice for the owner and admins (as any account notice: their contact, language and
 * preferences) that the staff addresses of STAFF_ALERT_EMAILS receive too, in the same e-mail.
 */
@Injectable()
export class RecordStaffAlertUseCase {
  constructor(
    private readonly ownerNotice: RecordOwnerNoticeUseCase,
    @Inject(STAFF_ALERT_EMAILS) private readonly staff: readonly string[],
  ) {}

  async execute(command: RecordStaffAlertCommand, uow: UnitOfWork): Promise<void> {
    const event = { ...command.event, data: { ...command.event.data, staffRecipients: [...this.staff] } };
    await this.ownerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }
}
