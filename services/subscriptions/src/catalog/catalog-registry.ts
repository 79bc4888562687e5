import { Injectable } from '@nestjs/common';
import { addDays, addMonths, IsoDate } from '@obolus/calendar';
import { SubscriptionsError } from '../subscriptions/subscriptions.errors';
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
  private readonly catalogs: Map<string, Catalog> = loadCatalogs();

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
