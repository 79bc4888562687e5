import { Injectable } from '@nestjs/common';
import { addDays } from '@obolus/calendar';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionStatus } from '../../entities/subscription.entity';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { GetEntitlementsCommand } from './get-entitlements.command';

export interface Entitlements {
  accountId: string;
  catalog: string;
  edition: string;
  status: SubscriptionStatus;
  /** The edition's features; none while the account is blocked (T3), though purchase still works. */
  features: string[];
  limits: { seats: number; documentMaxBytes: number; storageBytesPerSeat: number };
  usage: { seats: number };
  /** The last day the current edition is paid or tried for; absent on a free edition. */
  validUntil: string | null;
  version: number;
}

/**
 * The account's entitlements as its subscription stands: the edition's features (C2: for every user)
 * and the catalog's limits (C6). A blocked account keeps its data but has no feature until it pays.
 */
@Injectable()
export class GetEntitlementsUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: GetEntitlementsCommand, uow: UnitOfWork): Promise<Entitlements> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const catalog = this.catalogs.get(subscription.catalog);
    const edition = this.catalogs.edition(catalog, subscription.edition);
    const lastPaid =
      subscription.status === 'trialing'
        ? subscription.trialEndsOn
        : subscription.currentPeriodEnd && addDays(subscription.billedThrough ?? subscription.currentPeriodEnd, -1);
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
      },
      usage: { seats: subscription.users },
      validUntil: subscription.status === 'active' || subscription.status === 'trialing' ? lastPaid : null,
      version: subscription.version,
    };
  }
}
