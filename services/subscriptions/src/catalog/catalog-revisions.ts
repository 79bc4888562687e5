import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { CatalogRegistry } from './catalog-registry';
import { AnnounceCatalogRevisionCommand } from '../subscriptions/use-cases/announce-catalog-revision/announce-catalog-revision.command';
import { AnnounceCatalogRevisionUseCase } from '../subscriptions/use-cases/announce-catalog-revision/announce-catalog-revision.use-case';

const BATCH_SIZE = 200;

/**
 * When the service starts, announces each catalog's data to the accounts that last heard an older
 * revision of it, in batches, without holding up the start. Several instances share the work (rows
 * are claimed with SKIP LOCKED); one that stops midway leaves the rest for the next start.
 */
@Injectable()
export class CatalogRevisions implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogRevisions.name);
  /** Settles when this start's announcements are done (or failed, logged). */
  settled: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly work: UnitOfWorkRunner,
    private readonly announce: AnnounceCatalogRevisionUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.settled = this.announceAll().catch((error: unknown) => {
      this.logger.error(`announcing catalog revisions failed; the next start resumes: ${String(error)}`);
      return 0;
    });
  }

  /** Announces every catalog's current revision; the number of accounts announced. */
  async announceAll(): Promise<number> {
    let total = 0;
    for (const catalog of this.catalogs.all()) {
      const command = AnnounceCatalogRevisionCommand.create({ catalog: catalog.code, batchSize: BATCH_SIZE });
      for (;;) {
        const announced = await this.work.run((uow) => this.announce.execute(command, uow));
        total += announced;
        if (announced < BATCH_SIZE) break;
      }
    }
    if (total) this.logger.log(`announced the current catalogs' entitlements to ${total} account(s)`);
    return total;
  }
}
