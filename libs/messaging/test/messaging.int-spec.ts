import { Type } from '@sinclair/typebox';
import { defineEvent, deadLetterTopic } from '@obolus/contracts';
import {
  createServiceDataSource,
  openServiceDataSource,
  provisionServiceDatabases,
  serviceConnectionUrl,
  serviceDatabaseNames,
} from '@obolus/database';
import {
  createEventProducer,
  createKafka,
  EventConsumer,
  EventHandler,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  OutboxWriter,
  DLQ_HEADERS,
  dlqCommand,
  PermanentEventError,
  ensureTopics,
} from '../src';
import { repositoryRoot, uniqueSuffix, waitFor } from '@obolus/testing';
import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

const SERVICE = 'messaging-test';
const { schema } = serviceDatabaseNames(SERVICE);
const adminUrl = process.env.DATABASE_ADMIN_URL!;
const serviceUrl = serviceConnectionUrl(adminUrl, SERVICE);

class EffectsTable1732233600001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${schema}".effects (event_id text NOT NULL, key text NOT NULL, n integer NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schema}".effects`);
  }
}

function testContract(topic: string) {
  return defineEvent({
    type: 'obolus.messaging-test.thing.happened.v1',
    topic,
    source: '/obolus/messaging-test',
    summary: 'A thing happened (test event)',
    data: Type.Object(
      { key: Type.String(), n: Type.Integer({ minimum: 0 }), failTimes: Type.Optional(Type.Integer()) },
      { additionalProperties: false },
    ),
  });
}

describe('messaging against the real broker and database', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  const outbox = new OutboxWriter(schema);
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    await provisionServiceDatabases({ adminUrl, services: [SERVICE] });
    dataSource = await openServiceDataSource(
      createServiceDataSource({
        service: SERVICE,
        url: serviceUrl,
        migrations: [...MESSAGING_MIGRATIONS, EffectsTable1732233600001],
      }),
    );
    kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'messaging-int-spec' });
    producer = createEventProducer(kafka);
    await producer.connect();
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    // Each test starts with an empty outbox so relays never see another test's rows.
    await dataSource.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE published_at IS NULL`);
    await dataSource.query(`UPDATE "${schema}".outbox SET set_aside_at = NULL WHERE set_aside_at IS NOT NULL`);
  });

  afterAll(async () => {
    await producer.disconnect();
    await dataSource.destroy();
  });

  async function newTopic(maxMessageBytes?: number): Promise<{ topic: string; contract: ReturnType<typeof testContract> }> {
    const topic = `test.messaging.${uniqueSuffix()}`;
    if (maxMessageBytes) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'max.message.bytes', value: String(maxMessageBytes) }] }],
      });
      await admin.disconnect();
    }
    await ensureTopics(kafka, [topic], 3);
    return { topic, contract: testContract(topic) };
  }

  function startRelay(options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}): OutboxRelay {
    const relay = new OutboxRelay({
      connection: { connectionString: serviceUrl },
      schema,
      producer,
      pollIntervalMs: 200,
      ...(process.env.DEBUG_RELAY
        ? {
            logger: {
              info: (m: string, f?: object) => console.log(m, f),
              warn: (m: string, f?: object) => console.log(m, f),
              error: (m: string, f?: object) => console.log(m, f),
            },
          }
        : {}),
      ...options,
    });
    relay.start();
    cleanups.push(() => relay.stop());
    return relay;
  }

  async function startConsumer(
    contract: ReturnType<typeof testContract>,
    handle: EventHandler<{ key: string; n: number; failTimes?: number }>,
    extra: Partial<ConstructorParameters<typeof EventConsumer>[0]> = {},
  ): Promise<EventConsumer> {
    const consumer = new EventConsumer({
      kafka,
      groupId: `messaging-test-${uniqueSuffix()}`,
      consumerName: 'messaging-test',
      dataSource,
      outbox,
      schema,
      producer,
      registrations: [{ contract, handle: handle as EventHandler }],
      retry: { attempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
      ...extra,
    });
    await consumer.start();
    cleanups.push(() => consumer.stop());
    return consumer;
  }

  const recordEffect: EventHandler<{ key: string; n: number }> = async (event, { manager }) => {
    await manager.query(`INSERT INTO "${schema}".effects (event_id, key, n) VALUES ($1, $2, $3)`, [
      event.id,
      event.data.key,
      event.data.n,
    ]);
  };

  async function effectsOf(key: string): Promise<{ event_id: string; n: number }[]> {
    return dataSource.query(`SELECT event_id, n FROM "${schema}".effects WHERE key = $1 ORDER BY at, n`, [key]);
  }

  async function appendCommitted(
    contract: ReturnType<typeof testContract>,
    items: { key: string; n: number; failTimes?: number }[],
  ): Promise<string[]> {
    return dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const data of items) ids.push((await outbox.append(manager, contract, { accountId: data.key, data })).id);
      return ids;
    });
  }

  async function readTopic(topic: string, expected: number): Promise<KafkaMessage[]> {
    const messages: KafkaMessage[] = [];
    const consumer = kafka.consumer({ groupId: `reader-${uniqueSuffix()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    try {
      await waitFor(() => messages.length >= expected, { what: `${expected} message(s) on ${topic}` });
      return messages;
    } finally {
      await consumer.disconnect();
    }
  }

  it('(a) a relay killed after publishing and before marking the rows: the effect happens exactly once', async () => {
    const { topic, contract } = await newTopic();
    const key = `crash-${uniqueSuffix()}`;
    const ids = await appendCommitted(
      contract,
      Array.from({ length: 20 }, (_, n) => ({ key, n })),
    );

    const child = spawn(process.execPath, [join(__dirname, 'fixtures/relay-crash-after-publish.js')], {
      cwd: repositoryRoot,
      env: { ...process.env, RELAY_DATABASE_URL: serviceUrl, RELAY_SCHEMA: schema },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(exit.signal).toBe('SIGKILL');
    expect(output).toContain('published 20');
    const unmarked = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE event_id = ANY($1) AND published_at IS NULL`,
      [ids],
    );
    expect(unmarked[0].n).toBe(20);

    const consumer = await startConsumer(contract, recordEffect);
    startRelay();
    await waitFor(async () => (await effectsOf(key)).length === 20 && consumer.outcomes.duplicate === 20, {
      what: '20 effects and 20 duplicates absorbed',
    });
    const effects = await effectsOf(key);
    expect(effects.map((e) => e.event_id).sort()).toEqual([...ids].sort());
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(20);
    expect((await readTopic(topic, 40)).length).toBe(40);
  });

  it('(b) a rolled-back transaction publishes nothing', async () => {
    const { topic, contract } = await newTopic();
    const key = `rollback-${uniqueSuffix()}`;
    startRelay();
    let rolledBackId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBackId = (await outbox.append(manager, contract, { accountId: key, data: { key, n: 0 } })).id;
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule refused the change');
    const [markerId] = await appendCommitted(contract, [{ key, n: 1 }]);

    const messages = await readTopic(topic, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = messages.map((m) => JSON.parse(m.value!.toString()).id);
    expect(ids).toEqual([markerId]);
    expect(ids).not.toContain(rolledBackId);
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE event_id = $1`, [rolledBackId]);
    expect(rows[0].n).toBe(0);
  });

  it('(c) a handler failing twice succeeds on the third try; a poison message is dead-lettered and the next one processed', async () => {
    const { topic, contract } = await newTopic();
    const key = `retry-${uniqueSuffix()}`;
    const tries = new Map<number, number>();
    const consumer = await startConsumer(contract, async (event, context) => {
      const n = event.data.n;
      tries.set(n, (tries.get(n) ?? 0) + 1);
      if ((tries.get(n) ?? 0) <= (event.data.failTimes ?? 0)) throw new Error(`transient failure ${tries.get(n)} of event ${n}`);
      await recordEffect(event, context);
    });
    startRelay();
    await appendCommitted(contract, [
      { key, n: 1, failTimes: 2 },
      { key, n: 2, failTimes: 99 },
      { key, n: 3 },
    ]);
    // A payload that breaks the contract, produced straight to the topic.
    await producer.send({
      topic,
      messages: [
        {
          key,
          value: JSON.stringify({
            specversion: '1.0',
            id: 'bad-1',
            source: '/x',
            type: contract.type,
            accountid: key,
            time: new Date().toISOString(),
            datacontenttype: 'application/json',
            data: { key, n: 'four' },
          }),
        },
      ],
    });

    await waitFor(async () => (await effectsOf(key)).length === 2 && consumer.outcomes['dead-lettered'] === 2, {
      what: 'two effects and two dead letters',
    });
    expect((await effectsOf(key)).map((e) => e.n)).toEqual([1, 3]);
    expect(tries.get(1)).toBe(3);
    expect(tries.get(2)).toBe(3);
    expect(tries.get(3)).toBe(1);

    const dead = await readTopic(deadLetterTopic(topic), 2);
    const headers = dead.map((m) => Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])));
    const poison = headers.find((h) => h[DLQ_HEADERS.reason] === 'handler-failed')!;
    expect(poison[DLQ_HEADERS.attempts]).toBe('3');
    expect(poison[DLQ_HEADERS.error]).toContain('transient failure 3 of event 2');
    expect(poison[DLQ_HEADERS.originalTopic]).toBe(topic);
    const invalid = headers.find((h) => h[DLQ_HEADERS.reason] === 'schema-violation')!;
    expect(invalid[DLQ_HEADERS.error]).toMatch(/\/n: Expected integer/);
    // The dead letter keeps the original payload, so it can be replayed.
    expect(
      JSON.parse(dead.find((m) => String(m.headers![DLQ_HEADERS.reason]) === 'handler-failed')!.value!.toString()).data.n,
    ).toBe(2);
  });

  it('(d) 1,000 events over 10 keys arrive in order per key', async () => {
    const { contract } = await newTopic();
    const keys = Array.from({ length: 10 }, (_, i) => `order-${i}-${uniqueSuffix()}`);
    const seen = new Map<string, number[]>();
    await startConsumer(
      contract,
      async (event) => {
        const list = seen.get(event.data.key) ?? [];
        list.push(event.data.n);
        seen.set(event.data.key, list);
      },
      { partitionsConsumedConcurrently: 3 },
    );
    startRelay({ batchSize: 100 });
    // Ten writers interleave their transactions, as concurrent requests would.
    await Promise.all(
      keys.map(async (key) => {
        for (let chunk = 0; chunk < 10; chunk++) {
          await appendCommitted(
            contract,
            Array.from({ length: 10 }, (_, i) => ({ key, n: chunk * 10 + i })),
          );
        }
      }),
    );
    await waitFor(() => [...seen.values()].reduce((sum, list) => sum + list.length, 0) === 1000, {
      timeoutMs: 60_000,
      what: '1,000 events',
    });
    for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });

  it('(e) a dependency down for a dozen tries is waited for: nothing is dead-lettered and the key keeps its order', async () => {
    const { contract } = await newTopic();
    const key = `outage-${uniqueSuffix()}`;
    let refusals = 0;
    const consumer = await startConsumer(
      contract,
      async (event, context) => {
        if (event.data.n === 1 && refusals < 12) {
          refusals += 1;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        await recordEffect(event, context);
      },
      // Far fewer tries than the outage lasts: a transient failure is not bound by them.
      { retry: { attempts: 2, initialBackoffMs: 20, maxBackoffMs: 100 } },
    );
    startRelay();
    await appendCommitted(
      contract,
      Array.from({ length: 5 }, (_, n) => ({ key, n })),
    );
    await waitFor(async () => (await effectsOf(key)).length === 5, { what: 'five effects after the outage' });
    expect(refusals).toBe(12);
    expect((await effectsOf(key)).map((e) => e.n)).toEqual([0, 1, 2, 3, 4]);
    expect(consumer.outcomes['dead-lettered']).toBe(0);
    expect(consumer.transientRetries).toBeGreaterThanOrEqual(12);
  });

  it('(f) a record the broker can never take is set aside with the later records of its key; other keys flow', async () => {
    // The broker refuses record batches over 2,500 bytes on this topic; the relay itself refuses records over 5,000.
    const { topic, contract } = await newTopic(2500);
    const [refused, tooBig, healthy] = ['refused', 'too-big', 'healthy'].map((name) => `${name}-${uniqueSuffix()}`);
    const append = (accountId: string, n: number, padding = 0) =>
      dataSource.transaction((manager) =>
        outbox.append(manager, contract, { accountId, data: { key: `${accountId}${'x'.repeat(padding)}`, n } }),
      );
    const sentIds = [(await append(refused, 0)).id, (await append(tooBig, 0)).id];
    const refusedRecord = await append(refused, 1, 3500);
    const tooBigRecord = await append(tooBig, 1, 6000);
    const heldBehind = [(await append(refused, 2)).id, (await append(tooBig, 2)).id];
    for (let n = 0; n < 3; n++) sentIds.push((await append(healthy, n)).id);

    // Its own producer: a refused request leaves a producer's sequence numbers behind the broker's.
    const relayProducer = createEventProducer(kafka);
    await relayProducer.connect();
    cleanups.unshift(() => relayProducer.disconnect());
    const relay = startRelay({ producer: relayProducer, maxRecordBytes: 5000, newProducer: () => createEventProducer(kafka) });
    const messages = await readTopic(topic, sentIds.length);
    await waitFor(() => relay.setAsideCount === 2, { what: 'two records set aside' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const published = (await readTopic(topic, sentIds.length)).map((m) => JSON.parse(m.value!.toString()).id);
    expect(messages.length).toBeGreaterThanOrEqual(sentIds.length);
    // A refused request may have been written for its other partitions, and those records sent again
    // one by one: at least once, as always, and consumers' inboxes absorb the repeats.
    expect([...new Set(published)].sort()).toEqual([...sentIds].sort());

    const setAside = await relay.setAside();
    expect(setAside.map((r) => r.eventId).sort()).toEqual([refusedRecord.id, tooBigRecord.id].sort());
    expect(setAside.find((r) => r.eventId === refusedRecord.id)!.reason).toMatch(/broker refused/);
    expect(setAside.find((r) => r.eventId === tooBigRecord.id)!.reason).toMatch(/over the 5000 bytes/);
    const waiting = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE event_id = ANY($1) AND published_at IS NULL AND set_aside_at IS NULL`,
      [heldBehind],
    );
    expect(waiting[0].n).toBe(2);
  });

  it('(g) a dead letter is listed and replayed by `obolus dlq`, once however often it is replayed', async () => {
    const { topic, contract } = await newTopic();
    const key = `replay-${uniqueSuffix()}`;
    let fixed = false;
    const consumer = await startConsumer(contract, async (event, context) => {
      if (event.data.n === 1 && !fixed) throw new PermanentEventError('edition unknown to this catalog');
      await recordEffect(event, context);
    });
    startRelay();
    const [, deadId] = await appendCommitted(contract, [
      { key, n: 0 },
      { key, n: 1 },
      { key, n: 2 },
    ]);
    await waitFor(async () => (await effectsOf(key)).length === 2 && consumer.outcomes['dead-lettered'] === 1, {
      what: 'two effects and one dead letter',
    });

    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await dlqCommand(
        args,
        { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } },
        kafka,
      );
      return { code, out, err };
    };
    const listed = await run('list', topic, '--json');
    expect(listed.code).toBe(0);
    const letters = JSON.parse(listed.out) as { eventId: string; reason: string; attempts: number; error: string }[];
    expect(letters).toEqual([
      expect.objectContaining({
        eventId: deadId,
        reason: 'permanent-error',
        attempts: 1,
        error: expect.stringContaining('edition unknown'),
      }),
    ]);
    expect((await run('replay', topic, '--event-id', 'no-such-event')).code).toBe(1);
    expect((await run('list', `${topic}.dlq`)).code).toBe(2);

    fixed = true;
    expect((await run('replay', topic, '--event-id', deadId)).out).toContain('replayed 1 dead letter(s)');
    await waitFor(async () => (await effectsOf(key)).length === 3, { what: 'the replayed event handled' });
    expect((await run('replay', topic)).out).toContain('replayed 1 dead letter(s)');
    await waitFor(() => consumer.outcomes.duplicate >= 1, { what: 'the second replay absorbed as a duplicate' });
    expect((await effectsOf(key)).map((e) => e.n).sort()).toEqual([0, 1, 2]);
  });
});
