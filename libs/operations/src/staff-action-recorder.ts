import { Inject, Injectable } from '@nestjs/common';
import { StaffActionTakenV1, StaffActionTakenV1Data } from '@obolus/contracts';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Clock, LOGGER } from '@obolus/platform';
import { StaffPrincipal } from '@obolus/auth';
import { Logger } from 'pino';
import { staffActionTaken } from './staff-action';

export interface StaffAction {
  staff: StaffPrincipal;
  /** The account acted on; an action on no account (a dead letter without one) is logged only. */
  accountId?: string;
  action: string;
  reason: string;
  subject?: StaffActionTakenV1Data['subject'];
  details?: StaffActionTakenV1Data['details'];
}

/**
 * Records a staff action that has no transaction of its own in this service (a dead-letter replay) as
 * `staff.action-taken`, through the outbox: identity appends it to the account's audit log.
 */
@Injectable()
export class StaffActionRecorder {
  constructor(
    private readonly unitOfWork: UnitOfWorkRunner,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(action: StaffAction): Promise<void> {
    const actor = { staffUserId: action.staff.staffId, staffEmail: action.staff.email, reason: action.reason };
    const extra = {
      ...(action.subject ? { subject: action.subject } : {}),
      ...(action.details ? { details: action.details } : {}),
    };
    this.logger.info(
      { staffAction: { ...actor, ...extra, action: action.action, accountId: action.accountId } },
      `staff action ${action.action}`,
    );
    const accountId = action.accountId;
    if (!accountId) return;
    await this.unitOfWork.run((uow) =>
      uow.emit(StaffActionTakenV1, staffActionTaken(actor, action.action, accountId, this.clock.now(), extra)),
    );
  }
}
