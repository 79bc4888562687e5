import { Kind, TSchema } from '@sinclair/typebox';
import { createHash } from 'node:crypto';
import { CloudEvent } from './cloud-event';
import { EventContract, EventData } from './event-contract';
import { COUNTRY_CODE_PATTERN, SIGNUP_CHANNEL_PATTERN, SINGLE_LINE_TEXT_PATTERN } from './fields';

/**
 * Example payloads generated from the contracts, for the AsyncAPI document and the webhook docs. They are
 * deterministic (the same schema gives the same example, so the committed docs/asyncapi.yaml stays stable)
 * and every one validates against its contract (examples.spec.ts checks the whole catalog).
 */

/** The instant every example happens at: one fixed time, so the examples read as one story. */
const EXAMPLE_INSTANT = '2026-11-27T09:30:00.000Z';
const EXAMPLE_DATE = '2026-11-27';

/** Dates and instants that fit the field's meaning (a period ends after it starts); others get the day above. */
const FORMAT_HINTS: Record<string, Record<string, string>> = {
  date: {
    periodEnd: '2026-12-27',
    currentPeriodEnd: '2026-12-27',
    trialEndsOn: '2026-12-07',
    expiresOn: '2026-12-07',
    expiredOn: '2026-11-26',
    dueDate: '2026-12-11',
    uploadDeadline: '2026-12-02',
    validUntil: '2026-12-26',
    end: '2026-12-27',
  },
  'date-time': {
    endsAt: '2026-12-07T22:00:00.000Z',
    expiresAt: '2026-12-07T22:00:00.000Z',
    purgeAfter: '2027-02-25T09:30:00.000Z',
    previousFrozenTime: '2026-11-26T09:30:00.000Z',
  },
  email: { ownerEmail: 'owner@example.com', email: 'ana.popescu@example.com', staffEmail: 'support@example.com' },
};

const FORMAT_EXAMPLES: Record<string, (seed: string) => string> = {
  uuid: (seed) => uuidFrom(seed),
  date: () => EXAMPLE_DATE,
  'date-time': () => EXAMPLE_INSTANT,
  // example.com is reserved for documentation (RFC 2606): no example ever reaches a real mailbox.
  email: () => 'billing@example.com',
  uri: (seed) => `https://app.obolus.example/${seed.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
};

/** Values for the patterns of common.ts and fields.ts that a field's own name does not satisfy. */
const PATTERN_EXAMPLES: Record<string, (seed: string) => string> = {
  [COUNTRY_CODE_PATTERN]: () => 'RO',
  '^[A-Z]{3}$': () => 'RON',
  '^[0-9a-f]{64}$': (seed) => createHash('sha256').update(seed).digest('hex'),
  [SIGNUP_CHANNEL_PATTERN]: () => 'partner-referral',
  [SINGLE_LINE_TEXT_PATTERN]: () => 'Exemplu Software SRL',
};

/**
 * Readable values for fields whose name says what they hold. Only for readability: a field not named here
 * gets `example <name>`, and each value still has to pass the field's schema, or the next candidate is used.
 */
const STRING_HINTS: Record<string, string> = {
  catalog: 'ro-crm',
  locale: 'ro',
  status: 'active',
  edition: 'premium',
  fromEdition: 'premium',
  toEdition: 'free',
  freeEdition: 'free',
  pendingEdition: 'standard',
  code: 'premium-seat',
  description: 'CRM Premium, 27.11.2026-26.12.2026',
  number: 'OBL-2026-000123',
  invoiceNumber: 'OBL-2026-000123',
  series: 'OBL-2026',
  legalName: 'Exemplu Software SRL',
  companyName: 'Exemplu Software SRL',
  vatId: 'RO12345678',
  companyId: '12345678',
  tradeRegisterNumber: 'J40/1234/2020',
  line1: 'Strada Exemplului 1',
  line2: 'Etaj 2',
  city: 'București',
  postalCode: '010101',
  countrySubdivision: 'RO-B',
  vatCategory: 'S',
  providerPaymentId: 'pi_3Q0example',
  failureCode: 'card_declined',
  failureMessage: 'Your card was declined.',
  filename: 'OBL-2026-000123.pdf',
  change: 'purchased',
  features: 'e-factura',
  template: 'invoice-issued',
  causeEventId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
  name: 'Renewal rehearsal',
  url: 'https://hooks.example.com/obolus',
  cif: '12345678',
  supplierCif: '87654321',
  supplierName: 'Furnizor Exemplu SRL',
  uploadIndex: '5008491234',
  downloadId: '3012345678',
  anafId: '3012345679',
  messages: 'E: validari globale  eroare: [BR-RO-010] Numarul facturii trebuie sa contina cel putin un caracter numeric',
  ruleIds: 'BR-RO-010',
};

const INTEGER_HINTS: Record<string, number> = {
  seats: 3,
  maxSeats: 10,
  quantity: 1,
  trialDays: 30,
  unitPriceMinor: 10000,
  netMinor: 10000,
  taxableMinor: 10000,
  vatMinor: 2100,
  taxMinor: 2100,
  grossMinor: 12100,
  paidMinor: 12100,
  payableMinor: 0,
  amountMinor: 12100,
  amountDueMinor: 12100,
  version: 7,
  vatRateBasisPoints: 2100,
  sizeBytes: 48213,
  fatalFindings: 0,
  warningFindings: 1,
  days: 30,
  periodDays: 30,
  documentMaxBytes: 10_485_760,
  storageBytesPerSeat: 5_368_709_120,
  storageBytes: 16_106_127_360,
  prospects: 5000,
  opportunities: 1000,
  attempts: 10,
  lastStatusCode: 503,
};

/** Own-property lookup: a field named `constructor` must not find Object.prototype.constructor. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A UUID (version 4 layout) derived from the seed: the same field gets the same id in every example. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(`obolus-example:${seed}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Site {
  /** JSON pointer of the value, for error messages. */
  path: string;
  /** The nearest property name, with the indices of enclosing arrays: names the value across events. */
  seed: string;
  /** The nearest property name alone, for the hints. */
  key: string;
}

function fitsString(schema: TSchema, value: string): boolean {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  // TypeBox compiles `pattern` without flags; the example must pass the same test.
  return typeof schema.pattern !== 'string' || new RegExp(schema.pattern).test(value);
}

function stringExample(schema: TSchema, site: Site): string {
  if (typeof schema.format === 'string') {
    const hinted = own(own(FORMAT_HINTS, schema.format) ?? {}, site.key);
    if (hinted !== undefined) return hinted;
    const example = own(FORMAT_EXAMPLES, schema.format);
    if (!example) throw new Error(`${site.path}: no example for string format '${schema.format}'`);
    return example(site.seed);
  }
  const candidates = [
    own(STRING_HINTS, site.key),
    site.key ? `example ${site.key}` : 'example',
    typeof schema.pattern === 'string' ? own(PATTERN_EXAMPLES, schema.pattern)?.(site.seed) : undefined,
    typeof schema.maxLength === 'number' ? 'x'.repeat(Math.max(schema.maxLength, 0)) : undefined,
  ];
  const found = candidates.find((candidate): candidate is string => candidate !== undefined && fitsString(schema, candidate));
  if (found === undefined) throw new Error(`${site.path}: no example for the string schema ${JSON.stringify(schema)}`);
  return found;
}

function numberExample(schema: TSchema, site: Site): number {
  let value = own(INTEGER_HINTS, site.key) ?? 1;
  if (typeof schema.minimum === 'number') value = Math.max(value, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') value = Math.max(value, Math.floor(schema.exclusiveMinimum) + 1);
  if (typeof schema.maximum === 'number') value = Math.min(value, schema.maximum);
  if (typeof schema.exclusiveMaximum === 'number') value = Math.min(value, Math.ceil(schema.exclusiveMaximum) - 1);
  return value;
}

function example(schema: TSchema, site: Site): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const kind = schema[Kind] as string;
  switch (kind) {
    case 'Object':
      return Object.fromEntries(
        Object.entries(schema.properties as Record<string, TSchema>).map(([key, property]) => [
          key,
          example(property, { path: `${site.path}/${key}`, seed: key, key }),
        ]),
      );
    case 'Array': {
      const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? Number.POSITIVE_INFINITY);
      return Array.from({ length: count }, (_, index) =>
        example(schema.items as TSchema, { path: `${site.path}/${index}`, seed: `${site.seed}[${index}]`, key: site.key }),
      );
    }
    case 'Union': {
      // The hinted literal when there is one; else the first option, and a nullable field shows its value,
      // not null: the reader learns more from it.
      const options = schema.anyOf as TSchema[];
      const hint = own(STRING_HINTS, site.key);
      const chosen =
        options.find((option) => hint !== undefined && option.const === hint) ??
        options.find((option) => option[Kind] !== 'Null') ??
        options[0];
      if (!chosen) throw new Error(`${site.path}: an empty union has no example`);
      return example(chosen, site);
    }
    case 'String':
      return stringExample(schema, site);
    case 'Integer':
    case 'Number':
      return numberExample(schema, site);
    case 'Boolean':
      return true;
    case 'Null':
      return null;
    default:
      throw new Error(`${site.path || '/'}: no example for schemas of kind ${kind}`);
  }
}

/**
 * A deterministic example value of a TypeBox schema: objects with every property (optional ones too), arrays
 * with their least number of items (at least one), the first option of a union (its value rather than null),
 * and strings and numbers within their bounds, formats and patterns. The schema's own `examples` win.
 * Throws, naming the path, for a schema it cannot satisfy: a new format or pattern needs its line here.
 */
export function exampleOf(schema: TSchema): unknown {
  return example(schema, { path: '', seed: '', key: '' });
}

/** The example of a contract's data, typed as the contract's data. */
export function exampleDataOf<C extends EventContract>(contract: C): EventData<C> {
  return exampleOf(contract.data) as EventData<C>;
}

/**
 * A whole example event of the contract as it travels on Kafka and in a webhook body: the CloudEvents
 * envelope around the example data. The tenant is the data's account (the test clock for clock events).
 */
export function exampleEventOf<C extends EventContract>(contract: C): CloudEvent<EventData<C>> {
  const data = exampleDataOf(contract);
  const fields = data as Record<string, unknown>;
  const tenant = fields.accountId ?? fields.clockId;
  if (typeof tenant !== 'string') throw new Error(`${contract.type}: its example names no account (accountId or clockId)`);
  return {
    specversion: '1.0',
    id: uuidFrom(`event:${contract.type}`),
    source: contract.source,
    type: contract.type,
    time: EXAMPLE_INSTANT,
    datacontenttype: 'application/json',
    accountid: tenant,
    data,
  };
}
