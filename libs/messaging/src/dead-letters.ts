import { deadLetterTopic } from '@obolus/contracts';
import { IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DLQ_HEADERS } from './event-consumer';

/** One dead letter, as an operator needs to see it before replaying it. */
export interface DeadLetter {
  partition: number;
  offset: string;
  eventId?: string;
  eventType?: string;
  accountId?: string;
  key?: string;
  reason?: string;
  error?: string;
  consumer?: string;
  attempts?: number;
  originalTopic?: string;
  failedAt?: string;
  message: KafkaMessage;
}

/** A header that marks a message as replayed from a dead-letter topic, with the dead letter's position. */
export const REPLAYED_FROM_HEADER = 'obolus-replayed-from';

const text = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? String(value[0]) : String(value);
};

function describe(partition: number, message: KafkaMessage): DeadLetter {
  let envelope: { id?: unknown; type?: unknown; accountid?: unknown } = {};
  try {
    envelope = JSON.parse(message.value?.toString('utf8') ?? '') as typeof envelope;
  } catch {
    // A malformed envelope is listed with what its headers say.
  }
  const attempts = text(message.headers, DLQ_HEADERS.attempts);
  return {
    partition,
    offset: message.offset,
    eventId: typeof envelope.id === 'string' ? envelope.id : text(message.headers, 'ce-id'),
    eventType: typeof envelope.type === 'string' ? envelope.type : text(message.headers, 'ce-type'),
    accountId: typeof envelope.accountid === 'string' ? envelope.accountid : undefined,
    key: message.key?.toString('utf8'),
    reason: text(message.headers, DLQ_HEADERS.reason),
    error: text(message.headers, DLQ_HEADERS.error),
    consumer: text(message.headers, DLQ_HEADERS.consumer),
    attempts: attempts === undefined ? undefined : Number(attempts),
    originalTopic: text(message.headers, DLQ_HEADERS.originalTopic),
    failedAt: text(message.headers, DLQ_HEADERS.failedAt),
    message,
  };
}

/**
 * Reads every message of `<topic>.dlq`, from the first to the last one there now. It uses a throwaway
 * consumer group, so reading commits nothing and disturbs no one.
 */
export async function readDeadLetters(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<DeadLetter[]> {
  const dlq = deadLetterTopic(topic);
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  let starts: Map<number, bigint>;
  try {
    const offsets = await admin.fetchTopicOffsets(dlq);
    ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    starts = new Map(offsets.map((o) => [o.partition, BigInt(o.low)]));
  } finally {
    await admin.disconnect();
  }
  const pending = new Set([...ends].filter(([partition, end]) => end > (starts.get(partition) ?? 0n)).map(([p]) => p));
  if (pending.size === 0) return [];

  const letters: DeadLetter[] = [];
  const consumer = kafka.consumer({ groupId: `obolus.dlq-reader.${process.pid}.${Date.now()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not read ${dlq} to its end within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition) ?? 0n;
          if (BigInt(message.offset) < end) letters.push(describe(partition, message));
          if (BigInt(message.offset) + 1n >= end) pending.delete(partition);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Sends dead letters back to their original topic, as they were (same key, value and trace), so every
 * consumer group sees them again: the one that failed handles them, and the others' inboxes absorb
 * them as duplicates. Replaying the same letter twice is therefore harmless.
 */
export async function replayDeadLetters(producer: Producer, topic: string, letters: DeadLetter[]): Promise<number> {
  if (letters.length === 0) return 0;
  await producer.send({
    topic,
    acks: -1,
    messages: letters.map((letter) => {
      const headers: IHeaders = {};
      for (const [name, value] of Object.entries(letter.message.headers ?? {})) {
        if (!name.startsWith('obolus-dlq-') && value !== undefined) headers[name] = value;
      }
      headers[REPLAYED_FROM_HEADER] = `${deadLetterTopic(topic)}/${letter.partition}/${letter.offset}`;
      return { key: letter.message.key, value: letter.message.value, headers };
    }),
  });
  return letters.length;
}
