import { EntitlementsChangedV1, SubscriptionChangedV1, SubscriptionChangedV1Data, Term } from '@obolus/contracts';
import { NewEvent, UnitOfWork } from '@obolus/messaging';
import { Catalog } from '../../catalog/catalog';
import { SubscriptionEntity } from '../entities/subscription.entity';
import { entitlementsOf } from './entitlements';

/** What changed, as `subscription.changed` names it. */
export type SubscriptionChange =
  | 'trial-started'
  | 'trial-edition-changed'
  | 'trial-extended'
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
  | 'expired'
  | 'unpaid';

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

/** `entitlements.changed`: the account's whole entitlements after a change (C7). */
export function entitlementsChanged(
  subscription: SubscriptionEntity,
  catalog: Catalog,
  at: Date,
): NewEvent<typeof EntitlementsChangedV1> {
  return {
    accountId: subscription.accountId,
    subject: subscription.accountId,
    data: { ...entitlementsOf(subscription, catalog), changedAt: at.toISOString() },
  };
}

/**
 * Announces a change of a saved subscription: `subscription.changed` with its whole state, and
 * `entitlements.changed` with what the account may now do, in the change's unit of work.
 */
export async function announceChange(
  uow: UnitOfWork,
  subscription: SubscriptionEntity,
  catalog: Catalog,
  change: SubscriptionChange,
  at: Date,
): Promise<void> {
  await uow.emit(SubscriptionChangedV1, subscriptionChanged(subscription, catalog, change, at));
  await uow.emit(EntitlementsChangedV1, entitlementsChanged(subscription, catalog, at));
}
