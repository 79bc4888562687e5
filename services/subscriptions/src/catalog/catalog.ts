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
      /** Net price of one seat for one period of the term, in minor units. */
      prices: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
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

/**
 * The net price of one seat for one period of a term, paid with a method (C1, P2): the catalog's price,
 * except an annual period paid with a method that forfeits the annual discount, which costs twelve
 * monthly periods. Undefined when the edition has no price for the term.
 */
export function seatPrice(
  catalog: Pick<Catalog, 'annualDiscountForfeitedBy'>,
  edition: Pick<CatalogEdition, 'prices'>,
  term: string,
  paymentMethod: string | null | undefined,
): number | undefined {
  const monthly = ownValue(edition.prices, 'monthly');
  const forfeited =
    term === 'annual' && !!paymentMethod && (catalog.annualDiscountForfeitedBy ?? []).includes(paymentMethod as never);
  return forfeited && monthly !== undefined ? monthly * 12 : ownValue(edition.prices, term);
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
  for (const edition of catalog.editions) {
    for (const feature of edition.features) {
      if (!Object.hasOwn(catalog.features, feature)) problems.push(`${edition.code} lists unknown feature ${feature}`);
    }
    if (edition.code === catalog.freeEdition) continue;
    for (const term of catalog.terms) {
      if (ownValue(edition.prices, term) === undefined) problems.push(`${edition.code} has no ${term} price`);
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
