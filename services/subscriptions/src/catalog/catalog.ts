import { MAX_SEATS } from '@obolus/contracts';
import { Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TermCode = Type.Union([
  Type.Literal('monthly'),
  Type.Literal('annual'),
  Type.Literal('prepaid-1'),
  Type.Literal('prepaid-6'),
  Type.Literal('prepaid-12'),
]);
const PaymentMethod = Type.Union([
  Type.Literal('card'),
  Type.Literal('sepa_debit'),
  Type.Literal('ach_debit'),
  Type.Literal('bank_transfer'),
  Type.Literal('paypal'),
]);

/** A catalog is data (C1): editions, their features and limits, prices per seat and term, trials. */
export const CatalogSchema = Type.Object({
  code: Type.Union([Type.Literal('fr-crm'), Type.Literal('ro-crm')]),
  name: Type.String(),
  sellerEntity: Type.String(),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  timeZone: Type.String(),
  trial: Type.Object({
    edition: Type.String(),
    days: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 1 }))),
    months: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  freeEdition: Type.Union([Type.String(), Type.Null()]),
  terms: Type.Array(TermCode, { minItems: 1 }),
  paymentMethods: Type.Record(Type.String(), Type.Array(PaymentMethod)),
  /**
   * P2: the methods that forfeit the annual discount. An annual period paid with one of them costs twelve
   * monthly periods, not the annual price.
   */
  annualDiscountForfeitedBy: Type.Optional(Type.Array(PaymentMethod)),
  features: Type.Record(Type.String(), Type.String()),
  limits: Type.Object({
    documentMaxBytes: Type.Integer({ minimum: 1 }),
    storageBytesPerUser: Type.Integer({ minimum: 1 }),
    prospects: Type.Union([Type.Integer(), Type.Null()]),
    opportunities: Type.Union([Type.Integer(), Type.Null()]),
  }),
  editions: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      /** The most users one subscription to this edition can pay for. */
      maxSeats: Type.Integer({ minimum: 1, maximum: MAX_SEATS }),
      features: Type.Array(Type.String()),
      /** Net price of one seat for one period of the term, in minor units of the catalog's currency. */
      prices: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
      /**
       * The same prices in the other currencies the catalog is sold in (e.g. `{"USD": {"monthly": 4500}}`),
       * per term, in minor units of that currency. Every priced edition lists the same currencies.
       */
      pricesByCurrency: Type.Optional(
        Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
      ),
    }),
    { minItems: 1 },
  ),
});

export type Catalog = Static<typeof CatalogSchema>;
export type CatalogEdition = Catalog['editions'][number];
export type TermCode = Static<typeof TermCode>;
export type PaymentMethodCode = Static<typeof PaymentMethod>;

const checker = TypeCompiler.Compile(CatalogSchema);

/**
 * The value of a catalog record's own key. Keys come from requests and events (a sign-up channel, a term),
 * so a key such as `constructor` must find nothing rather than a member of Object.prototype.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The currencies a catalog is sold in: its own first, then those its editions have prices in. */
export function offeredCurrencies(catalog: Pick<Catalog, 'currency' | 'editions'>): string[] {
  const currencies = new Set([catalog.currency]);
  for (const edition of catalog.editions)
    for (const currency of Object.keys(edition.pricesByCurrency ?? {})) currencies.add(currency);
  return [...currencies];
}

/** An edition's prices per term in a currency; undefined when the edition is not priced in it. */
export function editionPrices(
  catalog: Pick<Catalog, 'currency'>,
  edition: Pick<CatalogEdition, 'prices' | 'pricesByCurrency'>,
  currency: string = catalog.currency,
): Readonly<Record<string, number>> | undefined {
  return currency === catalog.currency ? edition.prices : ownValue(edition.pricesByCurrency ?? {}, currency);
}

/**
 * The net price of one seat for one period of a term, paid with a method, in a currency (C1, P2): the
 * catalog's price, except an annual period paid with a method that forfeits the annual discount, which
 * costs twelve monthly periods. Undefined when the edition has no price for the term in the currency.
 */
export function seatPrice(
  catalog: Pick<Catalog, 'annualDiscountForfeitedBy' | 'currency'>,
  edition: Pick<CatalogEdition, 'prices' | 'pricesByCurrency'>,
  term: string,
  paymentMethod: string | null | undefined,
  currency: string = catalog.currency,
): number | undefined {
  const prices = editionPrices(catalog, edition, currency);
  if (!prices) return undefined;
  const monthly = ownValue(prices, 'monthly');
  const forfeited =
    term === 'annual' && !!paymentMethod && (catalog.annualDiscountForfeitedBy ?? []).includes(paymentMethod as never);
  return forfeited && monthly !== undefined ? monthly * 12 : ownValue(prices, term);
}

/** Parses and cross-checks one catalog; a catalog that contradicts itself never loads. */
export function parseCatalog(raw: unknown, source: string): Catalog {
  const errors = [...checker.Errors(raw)].map((e) => `${e.path} ${e.message}`);
  if (errors.length) throw new Error(`catalog ${source} is invalid: ${errors.slice(0, 5).join('; ')}`);
  const catalog = raw as Catalog;
  const editions = new Set(catalog.editions.map((e) => e.code));
  const problems: string[] = [];
  if (!editions.has(catalog.trial.edition)) problems.push(`trial edition ${catalog.trial.edition} is not an edition`);
  if (!catalog.trial.days === !catalog.trial.months) problems.push('trial needs either days (per channel) or months');
  if (catalog.trial.days && ownValue(catalog.trial.days, 'default') === undefined)
    problems.push('trial days need a default channel');
  if (catalog.freeEdition !== null && !editions.has(catalog.freeEdition))
    problems.push(`free edition ${catalog.freeEdition} is not an edition`);
  const currencies = offeredCurrencies(catalog);
  for (const edition of catalog.editions) {
    for (const feature of edition.features) {
      if (!Object.hasOwn(catalog.features, feature)) problems.push(`${edition.code} lists unknown feature ${feature}`);
    }
    if (edition.pricesByCurrency && Object.hasOwn(edition.pricesByCurrency, catalog.currency))
      problems.push(`${edition.code} repeats its ${catalog.currency} prices in pricesByCurrency; they belong in prices`);
    if (edition.code === catalog.freeEdition) continue;
    for (const currency of currencies) {
      const prices = editionPrices(catalog, edition, currency);
      if (!prices) {
        problems.push(`${edition.code} has no ${currency} prices`);
        continue;
      }
      const suffix = currency === catalog.currency ? '' : ` ${currency}`;
      for (const term of catalog.terms) {
        if (ownValue(prices, term) === undefined) problems.push(`${edition.code} has no ${term}${suffix} price`);
      }
    }
  }
  for (const term of catalog.terms) {
    if (!ownValue(catalog.paymentMethods, term)?.length) problems.push(`term ${term} has no payment method`);
  }
  if (catalog.annualDiscountForfeitedBy?.length && !(catalog.terms.includes('annual') && catalog.terms.includes('monthly')))
    problems.push('annualDiscountForfeitedBy needs both the monthly and the annual term');
  if (problems.length) throw new Error(`catalog ${source} is inconsistent: ${problems.join('; ')}`);
  return catalog;
}

export function loadCatalogs(directory = join(__dirname, 'catalogs')): Map<string, Catalog> {
  const catalogs = new Map<string, Catalog>();
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const catalog = parseCatalog(JSON.parse(readFileSync(join(directory, file), 'utf8')), file);
    catalogs.set(catalog.code, catalog);
  }
  return catalogs;
}
