import { Injectable } from '@nestjs/common';
import { addDays, addMonths, IsoDate } from '@obolus/calendar';
import { SubscriptionsError } from '../subscriptions/subscriptions.errors';
import { createHash } from 'node:crypto';
import { Catalog, CatalogEdition, loadCatalogs, ownValue } from './catalog';

export interface TrialPlan {
  edition: string;
  days: number;
  /** The last day of the trial. */
  endsOn: IsoDate;
}

/** The loaded catalogs, read once at start. */
@Injectable()
export class CatalogRegistry {
  private catalogs: Map<string, Catalog> = loadCatalogs();
  private revisions = revisionsOf(this.catalogs);

  /** A registry of the catalogs in another directory (a deployment's own data, a test's changed copy). */
  static fromDirectory(directory: string): CatalogRegistry {
    const registry = new CatalogRegistry();
    registry.catalogs = loadCatalogs(directory);
    registry.revisions = revisionsOf(registry.catalogs);
    return registry;
  }

  /** The revision of a catalog's data: its content's SHA-256. Any change of the data changes it. */
  revisionOf(code: string): string {
    const revision = this.revisions.get(code);
    if (!revision) throw SubscriptionsError.catalogNotFound(code);
    return revision;
  }

  all(): Catalog[] {
    return [...this.catalogs.values()];
  }

  get(code: string): Catalog {
    const catalog = this.catalogs.get(code);
    if (!catalog) throw SubscriptionsError.catalogNotFound(code);
    return catalog;
  }

  edition(catalog: Catalog, code: string): CatalogEdition | undefined {
    return catalog.editions.find((edition) => edition.code === code);
  }

  /** T1: the trial's length depends on the sign-up channel (days), or is a calendar month (ro-crm). */
  trialFor(catalog: Catalog, channel: string, startsOn: IsoDate): TrialPlan {
    if (catalog.trial.months) {
      const endExclusive = addMonths(startsOn, catalog.trial.months);
      const days = Math.round((Date.parse(endExclusive) - Date.parse(startsOn)) / 86_400_000);
      return { edition: catalog.trial.edition, days, endsOn: addDays(endExclusive, -1) };
    }
    // parseCatalog checked that a catalog without trial months has days with a default channel.
    const byChannel = catalog.trial.days ?? {};
    const days = ownValue(byChannel, channel) ?? (ownValue(byChannel, 'default') as number);
    return { edition: catalog.trial.edition, days, endsOn: addDays(startsOn, days - 1) };
  }
}

function revisionsOf(catalogs: Map<string, Catalog>): Map<string, string> {
  return new Map(
    [...catalogs].map(([code, catalog]) => [code, createHash('sha256').update(JSON.stringify(catalog)).digest('hex')]),
  );
}
