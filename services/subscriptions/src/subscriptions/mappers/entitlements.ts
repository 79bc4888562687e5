import { addDays } from '@obolus/calendar';
import { EntitlementsChangedV1Data } from '@obolus/contracts';
import { Catalog } from '../../catalog/catalog';
import { SubscriptionEntity } from '../entities/subscription.entity';

/** What an account may do, as the entitlements API answers and `entitlements.changed` carries it. */
export type Entitlements = Omit<EntitlementsChangedV1Data, 'changedAt'>;

/**
 * The account's entitlements from its subscription row and its catalog (C2, C6, C7): the edition's
 * features for every user (none while blocked, T3), the catalog's limits (storage per seat paid
 * for), what it uses, and until when. `version` is the row's: it grows with every change.
 */
export function entitlementsOf(subscription: SubscriptionEntity, catalog: Catalog): Entitlements {
  const edition = catalog.editions.find((e) => e.code === subscription.edition);
  const seats = subscription.status === 'active' ? subscription.seats : Math.max(subscription.seats, subscription.users, 1);
  const validUntil =
    subscription.status === 'trialing'
      ? subscription.trialEndsOn
      : subscription.status === 'active' && subscription.currentPeriodEnd
        ? addDays(subscription.billedThrough ?? subscription.currentPeriodEnd, -1)
        : null;
  return {
    accountId: subscription.accountId,
    catalog: catalog.code,
    edition: subscription.edition,
    status: subscription.status,
    features: subscription.status === 'blocked' ? [] : [...(edition?.features ?? [])],
    limits: {
      seats: edition?.maxSeats ?? subscription.seats,
      documentMaxBytes: catalog.limits.documentMaxBytes,
      storageBytesPerSeat: catalog.limits.storageBytesPerUser,
      storageBytes: catalog.limits.storageBytesPerUser * seats,
      prospects: catalog.limits.prospects,
      opportunities: catalog.limits.opportunities,
    },
    usage: { seats: subscription.users, storageBytes: subscription.storageBytes ?? 0 },
    validUntil,
    version: subscription.version,
  };
}
