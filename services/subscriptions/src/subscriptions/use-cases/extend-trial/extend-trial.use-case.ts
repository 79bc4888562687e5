import { Injectable } from '@nestjs/common';
import { addDays } from '@obolus/calendar';
import { StaffActionTakenV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { staffActionTaken } from '@obolus/operations';
import { announceChange } from '../../mappers/subscription-changed';
import { SubscriptionsError } from '../../subscriptions.errors';
import { StaffRequestsRepository } from '../../staff-requests.repository';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { moveTrialEnd } from '../../trial-schedule';
import { ExtendTrialCommand } from './extend-trial.command';

const ACTION = 'trial.extended';

/**
 * Staff give a trialing account more days (S1): the trial's last day moves later, and so do its end
 * (T3) and the notice 10 days before it (B6), on the account's clock. `subscription.changed`
 * (`trial-extended`) carries the new state and `staff.action-taken` who did it and why, in the same
 * unit of work. A subscription that is no longer trialing is refused (409), with nothing written. A
 * request retried under the same Idempotency-Key answers the subscription without extending it again.
 */
@Injectable()
export class ExtendTrialUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clocks: AccountClocks,
    private readonly jobs: JobScheduler,
    private readonly requests: StaffRequestsRepository,
  ) {}

  async execute(command: ExtendTrialCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const request = { days: command.days, reason: command.reason };
    if (command.idempotencyKey) {
      // Under the subscription's row lock: a retry waits for the first request and then finds it.
      const earlier = await this.requests.find(uow, command.accountId, command.idempotencyKey);
      if (earlier) {
        const same =
          earlier.action === ACTION && earlier.request['days'] === request.days && earlier.request['reason'] === request.reason;
        if (!same) throw SubscriptionsError.idempotencyKeyReused(command.idempotencyKey);
        return subscription;
      }
    }
    if (subscription.status !== 'trialing' || !subscription.trialEndsOn)
      throw SubscriptionsError.notTrialing(subscription.status);
    const catalog = this.catalogs.get(subscription.catalog);
    const now = await this.clocks.now(uow, command.accountId);
    const previousEndsOn = subscription.trialEndsOn;
    subscription.trialEndsOn = addDays(previousEndsOn, command.days);
    subscription.updatedAt = now;
    const saved = await this.subscriptions.save(uow, subscription);
    if (command.idempotencyKey) {
      await this.requests.insert(uow, {
        accountId: command.accountId,
        idempotencyKey: command.idempotencyKey,
        action: ACTION,
        request,
        createdAt: now,
      });
    }
    await moveTrialEnd(this.jobs, uow, saved, previousEndsOn, catalog.timeZone, now);
    await announceChange(uow, saved, catalog, 'trial-extended', now);
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, ACTION, command.accountId, now, {
        subject: { type: 'subscription', id: saved.id },
        details: { days: command.days, previousTrialEndsOn: previousEndsOn, trialEndsOn: saved.trialEndsOn! },
      }),
    );
    return saved;
  }
}
