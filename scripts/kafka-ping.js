// Exits 0 when a Kafka broker answers a metadata request within the given milliseconds.
const { Kafka, logLevel } = require('kafkajs');

const timeoutMs = Number(process.argv[2] ?? 3000);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({
  clientId: 'obolus-kafka-ping',
  brokers,
  connectionTimeout: timeoutMs,
  requestTimeout: timeoutMs,
  retry: { retries: 0 },
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
const timer = setTimeout(() => process.exit(1), timeoutMs + 500);
admin
  .connect()
  .then(() => admin.describeCluster())
  .then(async (cluster) => {
    clearTimeout(timer);
    await admin.disconnect();
    process.stdout.write(`${cluster.brokers.length} broker(s)\n`);
    process.exit(0);
  })
  .catch(() => process.exit(1));
