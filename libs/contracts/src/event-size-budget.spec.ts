import { Kind, TSchema } from '@sinclair/typebox';
import { eventCatalog } from './catalog';
import { CloudEvent } from './cloud-event';
import { EventContract, violationsOf } from './event-contract';

/** Every event must fit well inside one Kafka request, whatever else shares the relay's batch. */
const BUDGET_BYTES = 64 * 1024;

/** Where a schema sets no bound, the largest value Obolus realistically produces. */
const REALISTIC = {
  /** Names, address lines and descriptions are refused above 200 characters at the HTTP edge. */
  stringLength: 200,
  arrayItems: 20,
  uriLength: 2000,
};

/** Values for patterns that the longest text does not satisfy; a new such pattern needs its own line here. */
const PATTERN_EXAMPLES: Record<string, string> = {
  '^[A-Z]{2}$': 'RO',
  '^[A-Z]{3}$': 'EUR',
  '^[0-9a-f]{64}$': 'f'.repeat(64),
  '^\\d{2,10}$': '1234567890',
  '^[a-z0-9-]{1,64}$': 'z'.repeat(64),
  // The longest ISO 11649 reference: RF, two check digits, 21 characters.
  '^RF[0-9]{2}[A-Z0-9]{1,21}$': `RF00${'Z'.repeat(21)}`,
  // The longest IBAN (34 characters) and BIC (11).
  '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$': `FR00${'9'.repeat(30)}`,
  '^[A-Z0-9]{8}([A-Z0-9]{3})?$': 'AGRIFRPP882',
};

const FORMAT_EXAMPLES: Record<string, () => string> = {
  uuid: () => '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  // 253 characters: the longest local part and host labels SMTP allows.
  email: () => `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.ro`,
  date: () => '2026-12-31',
  'date-time': () => '2026-12-31T23:59:59.999Z',
  uri: () => `https://app.obolus.example/${'a'.repeat(REALISTIC.uriLength - 30)}`,
};

/** The largest payload the schema admits within realistic bounds: every optional field, every item. */
function largest(schema: TSchema, path: string): unknown {
  const kind = schema[Kind] as string;
  switch (kind) {
    case 'Object':
      return Object.fromEntries(
        Object.entries(schema.properties as Record<string, TSchema>).map(([key, property]) => [
          key,
          largest(property, `${path}/${key}`),
        ]),
      );
    case 'Array': {
      const count = (schema.maxItems as number | undefined) ?? REALISTIC.arrayItems;
      return Array.from({ length: count }, (_, index) => largest(schema.items as TSchema, `${path}/${index}`));
    }
    case 'Union':
      return (schema.anyOf as TSchema[])
        .map((option) => largest(option, path))
        .sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    case 'Literal':
      return schema.const;
    case 'Boolean':
      return false;
    case 'Null':
      return null;
    case 'Integer':
    case 'Number':
      return (schema.maximum as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    case 'String': {
      if (typeof schema.format === 'string') {
        const example = FORMAT_EXAMPLES[schema.format];
        if (!example) throw new Error(`${path}: no example for format '${schema.format}'`);
        return example();
      }
      // Two-byte UTF-8 characters: the budget is in bytes, not characters.
      const length = (schema.maxLength as number | undefined) ?? REALISTIC.stringLength;
      const text = ['ă'.repeat(length), 'a'.repeat(length)].find(
        (candidate) => typeof schema.pattern !== 'string' || new RegExp(schema.pattern, 'u').test(candidate),
      );
      if (text !== undefined) return text;
      if (!Object.hasOwn(PATTERN_EXAMPLES, schema.pattern)) throw new Error(`${path}: no example for pattern ${schema.pattern}`);
      return PATTERN_EXAMPLES[schema.pattern];
    }
    default:
      throw new Error(`${path}: the budget test does not know schemas of kind ${kind}`);
  }
}

function envelopeOf(contract: EventContract, data: unknown): CloudEvent {
  return {
    specversion: '1.0',
    id: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
    source: contract.source,
    type: contract.type,
    subject: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    time: '2026-12-31T23:59:59.999Z',
    datacontenttype: 'application/json',
    accountid: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: 'obolus=00f067aa0ba902b7',
    data,
  };
}

describe('the size budget of events', () => {
  it.each(eventCatalog.map((contract) => [contract.type, contract] as const))(
    '%s stays under 64 KB at its largest',
    (_type, contract) => {
      const data = largest(contract.data, '');
      // The payload built here is one the contract accepts: the budget is measured on a real event.
      expect(violationsOf(contract, data)).toEqual([]);
      const bytes = Buffer.byteLength(JSON.stringify(envelopeOf(contract, data)), 'utf8');
      expect(bytes).toBeLessThan(BUDGET_BYTES);
    },
  );

  it('measures invoice.issued with its most lines and recipients, and no document inside', () => {
    const issued = eventCatalog.find((contract) => contract.type === 'obolus.invoicing.invoice.issued.v1')!;
    const data = largest(issued.data, '') as { lines: unknown[]; recipients: unknown[]; pdf: Record<string, unknown> };
    expect(data.lines).toHaveLength(50);
    expect(data.recipients).toHaveLength(20);
    expect(Object.keys(data.pdf).sort()).toEqual(['filename', 'sha256', 'sizeBytes']);
  });
});
