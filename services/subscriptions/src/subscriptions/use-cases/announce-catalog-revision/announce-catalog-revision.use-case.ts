import { Injectable } from '@nestjs/common';
import { EntitlementsChangedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { entitlementsChanged } from '../../mappers/subscription-changed';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { AnnounceCatalogRevisionCommand } from './announce-catalog-revision.command';

/**
 * Staff change a limit or a feature by changing a catalog's data, with no code change (C6). Once the
 * service runs with the new data, every account on that catalog gets the new entitlements at once
 * (they are read with the catalog), and this announces them: one batch of accounts still under an
 * older revision per call, each marked with the new one, its version grown, and `entitlements.changed`
 * published, in one unit of work. Returns how many it announced; 0 when the catalog is done.
 */
@Injectable()
export class AnnounceCatalogRevisionUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AnnounceCatalogRevisionCommand, uow: UnitOfWork): Promise<number> {
    const catalog = this.catalogs.get(command.catalog);
    const revision = this.catalogs.revisionOf(catalog.code);
    const stale = await this.subscriptions.lockStaleForCatalog(uow, catalog.code, revision, command.batchSize);
    const now = this.clock.now();
    for (const subscription of stale) {
      subscription.catalogRevision = revision;
      subscription.updatedAt = now;
      const saved = await this.subscriptions.save(uow, subscription);
      await uow.emit(EntitlementsChangedV1, entitlementsChanged(saved, catalog, now));
    }
    return stale.length;
  }
}
