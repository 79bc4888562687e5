import { CATALOG_CODES, CatalogCode } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface AnnounceCatalogRevisionInput {
  catalog: CatalogCode;
  /** How many accounts one unit of work announces. */
  batchSize: number;
}

/** Announce a catalog's current data to the accounts that had entitlements under an older one (C6). */
export class AnnounceCatalogRevisionCommand implements AnnounceCatalogRevisionInput {
  readonly catalog!: CatalogCode;
  readonly batchSize!: number;

  private constructor(input: Readonly<AnnounceCatalogRevisionInput>) {
    Object.assign(this, input);
  }

  static create(input: AnnounceCatalogRevisionInput): AnnounceCatalogRevisionCommand {
    return new AnnounceCatalogRevisionCommand(
      checkCommand('announce catalog revision', input).oneOf('catalog', CATALOG_CODES).integer('batchSize', 1, 10_000).valid(),
    );
  }
}
