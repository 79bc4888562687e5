import { SubscriptionChangedV1, SubscriptionChangedV1Data, Term } from '@obolus/contracts';
import { NewEvent } from '@obolus/messaging';
import { Catalog } from '../../catalog/catalog';
import { SubscriptionEntity } from '../entities/subscription.entity';

/** What changed, as `subscription.changed` names it. */
export type SubscriptionChange =
  | 'trial-started'
  | 'trial-edition-changed'
  | 'trial-ended'
  | 'purchased'
  | 'renewed'
  | 'billed-early'
  | 'extended'
  | 'seats-added'
  | 'seats-released'
  | 'users-changed'
  | 'downgrade-cancelled'
  | 'upgraded'
  | 'downgrade-scheduled'
  | 'downgraded'
  | 'expired';

/**
 * The whole state of a subscription after a change, as `subscription.changed` carries it. `version`
 * is the row's version after the save that made the change.
 */
export function subscriptionChanged(
  subscription: SubscriptionEntity,
  catalog: Catalog,
  change: SubscriptionChange,
  at: Date,
): NewEvent<typeof SubscriptionChangedV1> {
  const edition = catalog.editions.find((e) => e.code === subscription.edition);
  const data: SubscriptionChangedV1Data = {
    accountId: subscription.accountId,
    subscriptionId: subscription.id,
    catalog: catalog.code,
    edition: subscription.edition,
    status: subscription.status,
    seats: subscription.seats,
    maxSeats: edition?.maxSeats ?? subscription.seats,
    change,
    version: subscription.version,
    changedAt: at.toISOString(),
    ...(subscription.term ? { term: subscription.term as Term } : {}),
    ...(subscription.currentPeriodStart ? { currentPeriodStart: subscription.currentPeriodStart } : {}),
    ...(subscription.currentPeriodEnd ? { currentPeriodEnd: subscription.currentPeriodEnd } : {}),
    ...(subscription.pendingEdition ? { pendingEdition: subscription.pendingEdition } : {}),
  };
  return { accountId: subscription.accountId, subject: subscription.id, data };
}
