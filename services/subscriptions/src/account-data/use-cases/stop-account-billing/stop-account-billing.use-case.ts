import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { EXPIRING_NOTICE_JOB, EXPIRY_JOB, RENEWAL_JOB } from '../../../subscriptions/period-schedule';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../../subscriptions/trial-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';

/** Every job that bills an account or tells it about its subscription. */
export const ACCOUNT_SCHEDULE_JOBS = [
  RENEWAL_JOB,
  EXPIRY_JOB,
  EXPIRING_NOTICE_JOB,
  TRIAL_END_JOB,
  TRIAL_ENDING_NOTICE_JOB,
] as const;

/**
 * On closure, no renewal falls due and no trial ends or is announced any more: the account's planned jobs
 * are removed in the consumer's transaction, at once. Hearing the closure twice removes nothing more.
 */
@Injectable()
export class StopAccountBillingUseCase {
  constructor(private readonly scheduler: JobScheduler) {}

  async execute(command: StopAccountBillingCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, ACCOUNT_SCHEDULE_JOBS);
  }
}
