import { Injectable } from '@nestjs/common';
import { EntitlementsChangedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { entitlementsChanged } from '../../mappers/subscription-changed';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { RecordUsageCommand } from './record-usage.command';

export interface UsageRecorded {
  usageId: string;
  /** False when this usage id was reported before: nothing changed. */
  recorded: boolean;
  storageBytes: number;
}

/**
 * The CRM reports storage stored or freed (C6), idempotently by its usage id. The account's usage
 * moves (never below zero) and `entitlements.changed` carries it, so a copy kept from events agrees
 * with the API. Reporting is never refused for being over the limit: the check route is the gate.
 */
@Injectable()
export class RecordUsageUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RecordUsageCommand, uow: UnitOfWork): Promise<UsageRecorded> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const now = await this.clocks.now(uow, command.accountId);
    const fresh = await this.subscriptions.recordUsage(uow, command.accountId, command.usageId, command.storageDeltaBytes, now);
    if (!fresh) return { usageId: command.usageId, recorded: false, storageBytes: subscription.storageBytes };
    subscription.storageBytes = Math.max(subscription.storageBytes + command.storageDeltaBytes, 0);
    subscription.updatedAt = now;
    const saved = await this.subscriptions.save(uow, subscription);
    await uow.emit(EntitlementsChangedV1, entitlementsChanged(saved, this.catalogs.get(saved.catalog), now));
    return { usageId: command.usageId, recorded: true, storageBytes: saved.storageBytes };
  }
}
