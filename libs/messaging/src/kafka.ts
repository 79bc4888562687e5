import { deadLetterTopic } from '@obolus/contracts';
import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { MessagingLogger, silentLogger } from './logger';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

export function createKafka(connection: KafkaConnection, logger: MessagingLogger = silentLogger): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...fields } = log;
        if (level <= logLevel.ERROR) logger.error(`kafkajs: ${message}`, fields);
        else logger.warn(`kafkajs: ${message}`, fields);
      },
  });
}

/**
 * The one producer a service process uses: idempotent, acks from all replicas, one request in flight,
 * so a retried send can neither duplicate nor reorder a key's messages.
 */
export function createEventProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Bounded retries would let a send fail after a partial write and be resent with new sequence numbers.
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 5000 },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Creates each topic and its dead-letter twin when missing. Safe to call from every replica. */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopic(topic)]))].filter((t) => !existing.has(t));
    if (wanted.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: wanted.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
        });
      } catch (error) {
        // Another replica created them first.
        if (!String((error as Error).message).includes('already exists')) throw error;
      }
    }
    await waitForLeaders(admin, [...new Set(topics.flatMap((topic) => [topic, deadLetterTopic(topic)]))]);
  } finally {
    await admin.disconnect();
  }
}

/**
 * On a broker that has just started, or just created the topics (perhaps from another replica),
 * partitions have no leader for a moment; subscribing then fails. Wait until every one has.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`topics without a partition leader: ${leaderless.map((t) => t.name).join(', ')}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
