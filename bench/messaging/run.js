// Benchmark (not a test): 10,000 events through outbox -> relay -> Kafka -> inbox consumer, beside a raw
// kafkajs produce/consume baseline measured in the same run on the same broker and topic layout.
// Run: npm run bench:messaging   (needs the local broker and Postgres; npm test or npm start bring them up)
const { Type } = require('@sinclair/typebox');
const { defineEvent } = require('@obolus/contracts');
const {
  createServiceDataSource,
  openServiceDataSource,
  provisionServiceDatabases,
  serviceConnectionUrl,
  serviceDatabaseNames,
} = require('@obolus/database');
const {
  createEventProducer,
  createKafka,
  ensureTopics,
  EventConsumer,
  MessagingTables1732233600000,
  OutboxRelay,
  OutboxWriter,
} = require('@obolus/messaging');

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const KEYS = 10;
const WRITE_BATCH = 100;
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const SERVICE = 'messaging-bench';
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus_bench';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const run = Date.now().toString(36);
let phases = {};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(name, startedAt, finishedAt, latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const seconds = (finishedAt - startedAt) / 1000;
  return {
    name,
    events: latencies.length,
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: +percentile(sorted, 50).toFixed(1),
    p99Ms: +percentile(sorted, 99).toFixed(1),
  };
}

async function rawBaseline(kafka) {
  const topic = `bench.raw.${run}`;
  await ensureTopics(kafka, [topic], 3);
  const producer = createEventProducer(kafka);
  await producer.connect();
  const latencies = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const consumer = kafka.consumer({ groupId: `bench-raw-${run}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      const body = JSON.parse(message.value.toString());
      latencies.push(performance.timeOrigin + performance.now() - body.sentAt);
      if (latencies.length === EVENTS) done(Date.now());
    },
  });
  await joined;
  const startedAt = Date.now();
  for (let sent = 0; sent < EVENTS; sent += WRITE_BATCH) {
    const messages = Array.from({ length: Math.min(WRITE_BATCH, EVENTS - sent) }, (_, i) => {
      const n = sent + i;
      return {
        key: `key-${n % KEYS}`,
        value: JSON.stringify({ n, key: `key-${n % KEYS}`, sentAt: performance.timeOrigin + performance.now() }),
      };
    });
    await producer.send({ topic, acks: -1, messages });
  }
  const finishedAt = await finished;
  await consumer.disconnect();
  await producer.disconnect();
  return summary('raw kafkajs produce -> consume', startedAt, finishedAt, latencies);
}

async function outboxPath(kafka) {
  const topic = `bench.outbox.${run}`;
  await ensureTopics(kafka, [topic], 3);
  await provisionServiceDatabases({ adminUrl, services: [SERVICE] });
  const { schema } = serviceDatabaseNames(SERVICE);
  const url = serviceConnectionUrl(adminUrl, SERVICE);
  const dataSource = await openServiceDataSource(
    createServiceDataSource({ service: SERVICE, url, migrations: [MessagingTables1732233600000], poolSize: 8 }),
  );
  const contract = defineEvent({
    type: 'obolus.messaging-bench.thing.happened.v1',
    topic,
    source: '/obolus/messaging-bench',
    summary: 'benchmark event',
    data: Type.Object({ n: Type.Integer(), key: Type.String() }),
  });
  const outbox = new OutboxWriter(schema);
  const producer = createEventProducer(kafka);
  await producer.connect();
  const latencies = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const consumer = new EventConsumer({
    kafka,
    groupId: `bench-outbox-${run}`,
    consumerName: `bench-${run}`,
    dataSource,
    outbox,
    schema,
    producer,
    partitionsConsumedConcurrently: 3,
    registrations: [
      {
        contract,
        handle: (event) => {
          latencies.push(Date.now() - Date.parse(event.time));
          if (latencies.length === EVENTS) done(Date.now());
        },
      },
    ],
  });
  await consumer.start();
  const relay = new OutboxRelay({ connection: { connectionString: url }, schema, producer, batchSize: 500, pollIntervalMs: 200 });
  relay.start();
  const startedAt = Date.now();
  // Concurrent request handlers write the outbox in practice; WRITERS of them share the events.
  let next = 0;
  const writer = async () => {
    while (next < EVENTS) {
      const from = next;
      next += WRITE_BATCH;
      await dataSource.transaction((manager) =>
        outbox.appendMany(
          manager,
          contract,
          Array.from({ length: Math.min(WRITE_BATCH, EVENTS - from) }, (_, i) => {
            const n = from + i;
            return { accountId: `key-${n % KEYS}`, data: { n, key: `key-${n % KEYS}` } };
          }),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const writtenAt = Date.now();
  while (relay.published < EVENTS) await new Promise((resolve) => setTimeout(resolve, 5));
  const relayedAt = Date.now();
  const finishedAt = await finished;
  phases = { writtenMs: writtenAt - startedAt, relayedMs: relayedAt - startedAt, consumedMs: finishedAt - startedAt };
  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await dataSource.destroy();
  return {
    ...summary('outbox -> relay -> Kafka -> inbox consumer', startedAt, finishedAt, latencies),
    duplicatesAbsorbed: consumer.outcomes.duplicate,
  };
}

async function main() {
  const kafka = createKafka({ brokers, clientId: 'obolus-bench' });
  const raw = await rawBaseline(kafka);
  const outbox = await outboxPath(kafka);
  console.table([raw, outbox]);
  console.log(
    `outbox path phases (ms from first write): all written ${phases.writtenMs}, all published ${phases.relayedMs}, all consumed ${phases.consumedMs}`,
  );
  console.log(
    `throughput ratio outbox/raw: ${(outbox.perSecond / raw.perSecond).toFixed(2)} (${EVENTS} events, ${KEYS} keys, 3 partitions)`,
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
