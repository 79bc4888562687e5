import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { buildAsyncApiDocument } from './asyncapi';
import { eventCatalog } from './catalog';
import { CloudEventEnvelope } from './cloud-event';
import { CalendarDate, CurrencyCode, Instant, MinorUnits, Name, SignupChannel, Uuid } from './common';
import { defineEvent, violationsOf } from './event-contract';
import { exampleEventOf, exampleOf } from './examples';
import { InvoiceIssuedV1 } from './invoicing/events';
import { webhookEventContracts, webhookNameOf } from './webhooks';

const envelope = TypeCompiler.Compile(CloudEventEnvelope);

describe('the example of every event', () => {
  it.each(eventCatalog.map((contract) => [contract.type, contract] as const))(
    '%s validates against its contract',
    (_type, contract) => {
      const example = exampleOf(contract.data);
      expect(violationsOf(contract, example)).toEqual([]);
    },
  );

  it.each(eventCatalog.map((contract) => [contract.type, contract] as const))(
    '%s travels in a valid CloudEvents envelope naming its account',
    (_type, contract) => {
      const event = exampleEventOf(contract);
      expect([...envelope.Errors(event)]).toEqual([]);
      expect(event.type).toBe(contract.type);
      expect(event.source).toBe(contract.source);
      const data = event.data as { accountId?: string; clockId?: string };
      expect(event.accountid).toBe(data.accountId ?? data.clockId);
    },
  );

  it('is the same on every call, so the committed AsyncAPI document stays stable', () => {
    for (const contract of eventCatalog) expect(exampleEventOf(contract)).toEqual(exampleEventOf(contract));
  });

  it('gives one field the same id in every event: the examples read as one account', () => {
    const accounts = new Set(
      webhookEventContracts.map((contract) => (exampleOf(contract.data) as { accountId: string }).accountId),
    );
    expect(accounts.size).toBe(1);
  });

  it('is refused once broken, so the check above can fail', () => {
    const example = exampleOf(InvoiceIssuedV1.data) as Record<string, unknown>;
    const { number: _dropped, ...withoutNumber } = example;
    expect(violationsOf(InvoiceIssuedV1, withoutNumber).map((v) => v.path)).toContain('/number');
    expect(violationsOf(InvoiceIssuedV1, { ...example, currency: 'lei' }).map((v) => v.path)).toEqual(['/currency']);
    expect(violationsOf(InvoiceIssuedV1, { ...example, lines: [] }).map((v) => v.path)).toEqual(['/lines']);
  });
});

describe('exampleOf', () => {
  it('prefers the schema own examples', () => {
    expect(exampleOf(Type.String({ examples: ['OBL-2026-000001'] }))).toBe('OBL-2026-000001');
    expect(exampleOf(Type.Object({ n: Type.Integer({ examples: [42] }) }))).toEqual({ n: 42 });
  });

  it('fills every property, optional ones too', () => {
    const schema = Type.Object({ a: Type.String(), b: Type.Optional(Type.Boolean()), c: Type.Optional(Type.Null()) });
    expect(exampleOf(schema)).toEqual({ a: 'example a', b: true, c: null });
  });

  it('keeps numbers within their bounds', () => {
    expect(exampleOf(Type.Integer({ minimum: 5 }))).toBe(5);
    expect(exampleOf(Type.Integer({ maximum: 0 }))).toBe(0);
    expect(exampleOf(Type.Number({ exclusiveMinimum: 1, exclusiveMaximum: 3 }))).toBe(2);
    expect(exampleOf(Type.Object({ seats: Type.Integer({ minimum: 1, maximum: 2 }) }))).toEqual({ seats: 2 });
    expect(exampleOf(Type.Object({ netMinor: MinorUnits('Net') }))).toEqual({ netMinor: 10000 });
  });

  it('gives arrays their least number of items, at least one, within maxItems', () => {
    expect(exampleOf(Type.Array(Type.Integer(), { minItems: 3 }))).toEqual([1, 1, 1]);
    expect(exampleOf(Type.Array(Type.Integer()))).toEqual([1]);
    expect(exampleOf(Type.Array(Type.Integer(), { maxItems: 0 }))).toEqual([]);
    const ids = exampleOf(Type.Object({ ids: Type.Array(Uuid('An id'), { minItems: 2 }) })) as { ids: string[] };
    expect(new Set(ids.ids).size).toBe(2);
  });

  it('takes literals and enums as they are, and the value side of a nullable union', () => {
    expect(exampleOf(Type.Literal('stripe'))).toBe('stripe');
    expect(exampleOf(Type.Union([Type.Literal('fr'), Type.Literal('ro')]))).toBe('fr');
    expect(exampleOf(Type.Union([Type.Null(), CalendarDate('A day')]))).toBe('2026-11-27');
    expect(exampleOf(Type.Union([Type.Null()]))).toBeNull();
    expect(exampleOf(Type.Unsafe<string>({ type: 'string', enum: ['a', 'b'] }))).toBe('a');
  });

  it('writes the formats and patterns the contracts use', () => {
    const schema = Type.Object({
      id: Uuid('An id'),
      at: Instant('An instant'),
      on: CalendarDate('A day'),
      currency: CurrencyCode,
      name: Name(),
      channel: SignupChannel,
      digest: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      short: Type.String({ minLength: 1, maxLength: 2 }),
    });
    const contract = defineEvent({
      type: 'obolus.example.thing.happened.v1',
      topic: 't',
      source: '/s',
      summary: 's',
      data: schema,
    });
    expect(violationsOf(contract, exampleOf(schema))).toEqual([]);
  });

  it('looks hints up as own properties only', () => {
    const schema = Type.Object({
      constructor: Type.String(),
      toString: Type.Integer(),
      hasOwnProperty: Type.Union([Type.Literal('a')]),
    });
    expect(exampleOf(schema)).toEqual({ constructor: 'example constructor', toString: 1, hasOwnProperty: 'a' });
  });

  it('names the path of a schema it cannot satisfy', () => {
    expect(() => exampleOf(Type.Object({ site: Type.String({ format: 'hostname' }) }))).toThrow(
      "/site: no example for string format 'hostname'",
    );
    expect(() => exampleOf(Type.Object({ code: Type.String({ pattern: '^Q[0-9]{9}$' }) }))).toThrow('/code: no example');
    expect(() => exampleOf(Type.Object({ blob: Type.Unknown() }))).toThrow('/blob: no example for schemas of kind Unknown');
  });
});

describe('the AsyncAPI document', () => {
  const messages = (buildAsyncApiDocument() as { components: { messages: Record<string, Record<string, unknown>> } }).components
    .messages;
  const offered = new Set(webhookEventContracts.map((contract) => contract.type));

  it.each(eventCatalog.map((contract) => [contract.type, contract] as const))(
    '%s carries its valid example, and x-webhook when it is offered',
    (type, contract) => {
      const message = messages[type]!;
      const [example, ...others] = message.examples as { name: string; payload: { data: unknown } }[];
      expect(others).toEqual([]);
      expect(example!.name).toBe(webhookNameOf(contract));
      expect([...envelope.Errors(example!.payload)]).toEqual([]);
      expect(violationsOf(contract, example!.payload.data)).toEqual([]);
      expect(message['x-webhook']).toEqual(offered.has(type) ? { name: webhookNameOf(contract), offered: true } : undefined);
    },
  );

  it('lists the webhook names in its info', () => {
    const { info } = buildAsyncApiDocument() as { info: Record<string, unknown> };
    expect(info['x-webhook-events']).toEqual(webhookEventContracts.map(webhookNameOf));
  });
});
