// Benchmark (not a test): 10,000 events through outbox -> relay -> Kafka -> inbox consumer, beside a raw
// kafkajs produce -> consume baseline measured in the same run, on the same broker and topic layout.
// As in production, the producing side and the consuming side are separate processes in both runs:
// this process writes (raw: produces), a forked child consumes and reports.
// Run: npm run bench:messaging   (needs the local broker and Postgres; npm test or npm start bring them up)
const { fork } = require('node:child_process');
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
  MESSAGING_MIGRATIONS,
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
const { schema } = serviceDatabaseNames(SERVICE);
const serviceUrl = serviceConnectionUrl(adminUrl, SERVICE);

const contractFor = (topic) =>
  defineEvent({
    type: 'obolus.messaging-bench.thing.happened.v1',
    topic,
    source: '/obolus/messaging-bench',
    summary: 'benchmark event',
    data: Type.Object({ n: Type.Integer(), key: Type.String() }),
  });
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// ---- consuming side (child process) ----
async function consume(mode, topic, group) {
  const kafka = createKafka({ brokers, clientId: `bench-${mode}-consumer` });
  const latencies = [];
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const record = (sentAt) => {
    latencies.push(now() - sentAt);
    if (latencies.length === EVENTS) finish(now());
  };
  let stop;
  if (mode === 'raw') {
    const consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => record(JSON.parse(message.value.toString()).sentAt),
    });
    await joined;
    stop = () => consumer.disconnect();
  } else {
    const dataSource = await openServiceDataSource(
      createServiceDataSource({ service: SERVICE, url: serviceUrl, migrations: MESSAGING_MIGRATIONS, poolSize: 8 }),
    );
    const producer = createEventProducer(kafka);
    await producer.connect();
    const consumer = new EventConsumer({
      kafka,
      groupId: group,
      consumerName: group,
      dataSource,
      outbox: new OutboxWriter(schema),
      schema,
      producer,
      partitionsConsumedConcurrently: 3,
      registrations: [{ contract: contractFor(topic), handle: (event) => record(Date.parse(event.time)) }],
    });
    await consumer.start();
    stop = async () => {
      await consumer.stop();
      await producer.disconnect();
      await dataSource.destroy();
    };
  }
  process.send({ ready: true });
  const finishedAt = await finished;
  process.send({ finishedAt, latencies });
  await stop();
  process.exit(0);
}

// ---- producing side (this process) ----
function startConsumer(mode, topic) {
  const child = fork(__filename, ['consume', mode, topic, `bench-${mode}-${Date.now().toString(36)}`], { stdio: 'inherit' });
  const ready = new Promise((resolve) => child.on('message', (m) => m.ready && resolve()));
  const result = new Promise((resolve, reject) => {
    child.on('message', (m) => m.latencies && resolve(m));
    child.on('exit', (code) => code !== 0 && reject(new Error(`${mode} consumer exited ${code}`)));
  });
  return { ready, result };
}

function summary(name, startedAt, { finishedAt, latencies }) {
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

async function rawBaseline(kafka, run) {
  const topic = `bench.raw.${run}`;
  await ensureTopics(kafka, [topic], 3);
  const producer = createEventProducer(kafka);
  await producer.connect();
  const consumer = startConsumer('raw', topic);
  await consumer.ready;
  const startedAt = now();
  for (let sent = 0; sent < EVENTS; sent += WRITE_BATCH) {
    const messages = Array.from({ length: Math.min(WRITE_BATCH, EVENTS - sent) }, (_, i) => {
      const n = sent + i;
      return { key: `key-${n % KEYS}`, value: JSON.stringify({ n, key: `key-${n % KEYS}`, sentAt: now() }) };
    });
    await producer.send({ topic, acks: -1, messages });
  }
  const result = await consumer.result;
  await producer.disconnect();
  return summary('raw kafkajs produce -> consume', startedAt, result);
}

async function outboxPath(kafka, run) {
  const topic = `bench.outbox.${run}`;
  await ensureTopics(kafka, [topic], 3);
  const dataSource = await openServiceDataSource(
    createServiceDataSource({ service: SERVICE, url: serviceUrl, migrations: MESSAGING_MIGRATIONS, poolSize: 8 }),
  );
  const contract = contractFor(topic);
  const outbox = new OutboxWriter(schema);
  const producer = createEventProducer(kafka);
  await producer.connect();
  const consumer = startConsumer('outbox', topic);
  await consumer.ready;
  const relay = new OutboxRelay({
    connection: { connectionString: serviceUrl },
    schema,
    producer,
    batchSize: 500,
    pollIntervalMs: 200,
  });
  relay.start();
  const startedAt = now();
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
  const writtenAt = now();
  while (relay.published < EVENTS) await new Promise((resolve) => setTimeout(resolve, 5));
  const relayedAt = now();
  const result = await consumer.result;
  await relay.stop();
  await producer.disconnect();
  await dataSource.destroy();
  return {
    row: summary('outbox -> relay -> Kafka -> inbox consumer', startedAt, result),
    phases: {
      writtenMs: Math.round(writtenAt - startedAt),
      publishedMs: Math.round(relayedAt - startedAt),
      consumedMs: Math.round(result.finishedAt - startedAt),
    },
  };
}

async function main() {
  const run = Date.now().toString(36);
  await provisionServiceDatabases({ adminUrl, services: [SERVICE] });
  const kafka = createKafka({ brokers, clientId: 'obolus-bench' });
  const raw = await rawBaseline(kafka, run);
  const { row: outbox, phases } = await outboxPath(kafka, run);
  console.table([raw, outbox]);
  console.log(
    `outbox path, ms from the first write: all written ${phases.writtenMs}, all published ${phases.publishedMs}, all consumed ${phases.consumedMs}`,
  );
  console.log(
    `throughput ratio outbox/raw: ${(outbox.perSecond / raw.perSecond).toFixed(2)} (${EVENTS} events, ${KEYS} keys, 3 partitions, ${WRITERS} writers)`,
  );
  // One machine-readable line, for benches that report this baseline beside their own figures.
  console.log(`bench-messaging-json ${JSON.stringify({ raw, outbox, ratio: outbox.perSecond / raw.perSecond })}`);
  process.exit(0);
}

if (process.argv[2] === 'consume') {
  consume(process.argv[3], process.argv[4], process.argv[5]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
