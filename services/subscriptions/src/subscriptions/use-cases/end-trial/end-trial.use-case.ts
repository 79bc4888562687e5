import { Injectable } from '@nestjs/common';
import { SubscriptionBlockedV1, SubscriptionDowngradedV1, TrialEndedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { announceChange } from '../../mappers/subscription-changed';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { trialEndsAt } from '../../trial-schedule';
import { EndTrialCommand } from './end-trial.command';

/**
 * T3: a trial that runs out without a purchase moves to the catalog's free edition (ro-crm: Standard,
 * status `free`), or, where the catalog has none (fr-crm), is blocked until it pays. Nothing is deleted.
 * A subscription bought meanwhile (or already ended), or a trial extended past the job's instant, is left as it is.
 */
@Injectable()
export class EndTrialUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: EndTrialCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription || subscription.id !== command.subscriptionId || subscription.status !== 'trialing') return;
    const trialEndsOn = subscription.trialEndsOn;
    if (!trialEndsOn) return;
    const catalog = this.catalogs.get(subscription.catalog);
    // A job planned for an end staff have since moved later (claimed before the extension) does nothing.
    if (command.endsAt < trialEndsAt(trialEndsOn, catalog.timeZone)) return;
    const trialEdition = subscription.edition;
    const endedAt = command.endsAt.toISOString();
    const ids = { accountId: command.accountId, subscriptionId: subscription.id };
    const freeEdition = catalog.freeEdition;
    Object.assign(subscription, freeEdition ? { edition: freeEdition, status: 'free' } : { status: 'blocked' }, {
      updatedAt: command.endsAt,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    const event = { accountId: command.accountId, subject: subscription.id };
    await uow.emit(TrialEndedV1, {
      ...event,
      data: {
        ...ids,
        catalog: catalog.code,
        edition: trialEdition,
        trialEndsOn,
        outcome: freeEdition ? 'downgraded' : 'blocked',
        ...(freeEdition ? { freeEdition } : {}),
        endedAt,
      },
    });
    if (freeEdition) {
      await uow.emit(SubscriptionDowngradedV1, {
        ...event,
        data: {
          ...ids,
          catalog: catalog.code,
          fromEdition: trialEdition,
          toEdition: freeEdition,
          status: 'free',
          reason: 'trial-ended',
          effectiveAt: endedAt,
        },
      });
    } else {
      await uow.emit(SubscriptionBlockedV1, {
        ...event,
        data: { ...ids, catalog: catalog.code, edition: trialEdition, reason: 'trial-ended', blockedAt: endedAt },
      });
    }
    await announceChange(uow, saved, catalog, 'trial-ended', command.endsAt);
  }
}
