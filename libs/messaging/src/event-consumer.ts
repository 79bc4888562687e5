import { Context, SpanStatusCode, trace } from '@opentelemetry/api';
import { CloudEvent, deadLetterTopic, violationsOf } from '@obolus/contracts';
import { Batch, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventHandlerContext, EventHandlerRegistration } from './event-handler';
import { failureKindOf } from './failure-kind';
import { MessagingLogger, silentLogger } from './logger';
import { OutboxWriter } from './outbox-writer';
import { contextFromTraceHeaders } from './trace-context';
import { unitOfWork } from './unit-of-work';

export interface RetryPolicy {
  /**
   * Tries in all, the first included, for a failure of unknown kind (a bug, say). A transient failure
   * (a dependency unavailable) is retried without limit; a permanent one is not retried.
   */
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  /** The consumer group: one per service and purpose, e.g. `obolus.notifications`. */
  groupId: string;
  /** The name under which processed events are recorded in the inbox. */
  consumerName: string;
  dataSource: DataSource;
  /** The service's outbox, for follow-up events emitted by handlers. */
  outbox: OutboxWriter;
  schema: string;
  registrations: EventHandlerRegistration[];
  /** Publishes dead letters. */
  producer: Producer;
  retry?: Partial<RetryPolicy>;
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  /** Messages handled in one transaction; 1 gives a transaction per message. */
  chunkSize?: number;
  /**
   * How long the group waits for a silent member before giving its partitions to the others: the
   * longest a crashed replica's partitions stay unread. 10 s by default.
   */
  sessionTimeoutMs?: number;
  logger?: MessagingLogger;
}

export const DLQ_HEADERS = {
  reason: 'obolus-dlq-reason',
  error: 'obolus-dlq-error',
  attempts: 'obolus-dlq-attempts',
  consumer: 'obolus-dlq-consumer',
  originalTopic: 'obolus-dlq-original-topic',
  originalPartition: 'obolus-dlq-original-partition',
  originalOffset: 'obolus-dlq-original-offset',
  failedAt: 'obolus-dlq-failed-at',
} as const;

export type DeadLetterReason = 'malformed-envelope' | 'schema-violation' | 'handler-failed' | 'permanent-error';

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered';
/** The consumer stopped or lost the partition while a message waited for a retry: leave it unresolved. */
const ABANDONED = 'abandoned';

const tracer = trace.getTracer('@obolus/messaging');

/**
 * A Kafka consumer with the guarantees kafkajs and Nest's transport leave to us:
 * - idempotent: each event id is recorded in the inbox in the handler's own transaction;
 * - retries in place (so a key's order holds, and the partition does not move on meanwhile): a
 *   transient failure (Postgres, Kafka or an outside service unavailable) for as long as it takes, with
 *   capped backoff; a permanent one (a schema violation, or `PermanentEventError`) not at all; one of
 *   unknown kind a few times. Only the last two go to `<topic>.dlq`, with the error in the headers;
 * - payloads are checked against their contract first: a violation goes to the DLQ with its reason;
 * - offsets are resolved only for messages whose transaction committed, so a crash redelivers and the
 *   inbox absorbs the duplicate.
 * Messages are taken in chunks: one transaction records the chunk's inbox rows and runs its handlers in
 * order. If any handler fails, that transaction rolls back and the chunk is replayed one message at a
 * time, so the failure's retries and dead letter concern that message alone.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private readonly byType: Map<string, EventHandlerRegistration>;
  private readonly retry: RetryPolicy;
  private readonly logger: MessagingLogger;
  private readonly counts: Record<Outcome, number> = { processed: 0, duplicate: 0, ignored: 0, 'dead-lettered': 0 };

  constructor(private readonly options: EventConsumerOptions) {
    this.byType = new Map(options.registrations.map((r) => [r.contract.type, r]));
    this.retry = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 10_000, ...options.retry };
    this.logger = options.logger ?? silentLogger;
  }

  get topics(): string[] {
    return [...new Set(this.options.registrations.map((r) => r.contract.topic))].sort();
  }

  get outcomes(): Readonly<Record<Outcome, number>> {
    return this.counts;
  }

  /** Retries made because a dependency was unavailable, since start. */
  transientRetries = 0;

  /**
   * Subscribes and resolves once the consumer has joined its group. A broker that is still starting
   * (coordinator loading, partitions without leaders) is waited for, with backoff, for a minute.
   */
  async start(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.startOnce();
        return;
      } catch (error) {
        await this.stop().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        this.logger.warn('consumer could not start yet; retrying', {
          groupId: this.options.groupId,
          attempt,
          error: String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }

  private async startOnce(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 10_000) / 3)),
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve, reject) => {
      const offJoin = consumer.on(consumer.events.GROUP_JOIN, () => {
        offJoin();
        offCrash();
        resolve();
      });
      const offCrash = consumer.on(consumer.events.CRASH, (event) => {
        offJoin();
        offCrash();
        reject(event.payload.error);
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      autoCommitThreshold: 100,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    await joined;
  }

  /** Waits for in-flight handlers, commits their offsets and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const stillOurs = () => isRunning() && !isStale();
    const chunkSize = Math.max(1, this.options.chunkSize ?? 100);
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const failure = chunk.length > 1 ? await this.handleChunk(batch, chunk) : { index: 0 };
      if (failure === undefined) {
        resolveOffset(chunk[chunk.length - 1]!.offset);
      } else {
        for (const [index, message] of chunk.entries()) {
          const outcome = await this.handleOne(
            batch,
            message,
            heartbeat,
            stillOurs,
            index === failure.index ? failure.error : undefined,
          );
          if (outcome === ABANDONED) return;
          this.counts[outcome] += 1;
          resolveOffset(message.offset);
          await heartbeat();
        }
      }
      await heartbeat();
    }
  }

  /** The chunk in one transaction; undefined when it committed, else where it failed. */
  private async handleChunk(batch: Batch, chunk: KafkaMessage[]): Promise<{ index: number; error?: unknown } | undefined> {
    const items: { index: number; event: CloudEvent; registration: EventHandlerRegistration; message: KafkaMessage }[] = [];
    for (const [index, message] of chunk.entries()) {
      const verdict = this.accept(message);
      if (verdict === 'ignored') continue;
      // A message for the dead-letter topic is replayed alone, where that is handled.
      if ('deadLetter' in verdict) return { index };
      items.push({ index, message, ...verdict });
    }
    const ignored = chunk.length - items.length;
    if (items.length === 0) {
      this.counts.ignored += ignored;
      return undefined;
    }
    let failedAt: { index: number; error: unknown } | undefined;
    try {
      const outcomes = await this.options.dataSource.transaction(async (manager) => {
        const inserted: { event_id: string }[] = await manager.query(
          `INSERT INTO "${this.options.schema}".inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
           SELECT $1, event_id, event_type, $2, $3, kafka_offset
             FROM unnest($4::text[], $5::text[], $6::bigint[]) AS t(event_id, event_type, kafka_offset)
           ON CONFLICT (consumer, event_id) DO NOTHING
           RETURNING event_id`,
          [
            this.options.consumerName,
            batch.topic,
            batch.partition,
            items.map((i) => i.event.id),
            items.map((i) => i.event.type),
            items.map((i) => i.message.offset),
          ],
        );
        const fresh = new Set(inserted.map((row) => row.event_id));
        const counts = { processed: 0, duplicate: 0 };
        for (const item of items) {
          if (!fresh.delete(item.event.id)) {
            counts.duplicate += 1;
            continue;
          }
          try {
            await this.traced(item.event, item.message, 1, async () =>
              item.registration.handle(item.event, {
                ...unitOfWork(manager, this.options.outbox),
                topic: batch.topic,
                partition: batch.partition,
                offset: item.message.offset,
                attempt: 1,
              }),
            );
          } catch (error) {
            failedAt = { index: item.index, error };
            throw error;
          }
          counts.processed += 1;
        }
        return counts;
      });
      this.counts.processed += outcomes.processed;
      this.counts.duplicate += outcomes.duplicate;
      this.counts.ignored += ignored;
      return undefined;
    } catch {
      return failedAt ?? { index: 0 };
    }
  }

  /** Decides what a message is before any handler runs. */
  private accept(
    message: KafkaMessage,
  ): 'ignored' | { deadLetter: DeadLetterReason; error: string } | { event: CloudEvent; registration: EventHandlerRegistration } {
    let event: CloudEvent;
    try {
      event = parseEnvelope(message);
    } catch (error) {
      return { deadLetter: 'malformed-envelope', error: String((error as Error).message) };
    }
    const registration = this.byType.get(event.type);
    if (!registration) return 'ignored';
    const violations = violationsOf(registration.contract, event.data);
    if (violations.length) {
      const reason = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
      return { deadLetter: 'schema-violation', error: `payload of ${event.type} breaks its schema: ${reason}` };
    }
    return { event, registration };
  }

  /** One message, its own transaction per try. `failedOnce` is the error of a try already made in a chunk. */
  private async handleOne(
    batch: Batch,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    stillOurs: () => boolean,
    failedOnce?: unknown,
  ): Promise<Outcome | typeof ABANDONED> {
    const { topic, partition } = batch;
    const verdict = this.accept(message);
    if (verdict === 'ignored') return 'ignored';
    if ('deadLetter' in verdict) return this.deadLetter(topic, partition, message, verdict.deadLetter, verdict.error, 0);
    const { event, registration } = verdict;

    let lastError = failedOnce;
    for (let attempt = failedOnce === undefined ? 1 : 2; ; attempt += 1) {
      if (lastError !== undefined) {
        const kind = failureKindOf(lastError);
        if (kind === 'permanent' || (kind === 'unknown' && attempt > this.retry.attempts)) {
          const reason = kind === 'permanent' ? 'permanent-error' : 'handler-failed';
          return this.deadLetter(topic, partition, message, reason, errorText(lastError), attempt - 1);
        }
        if (kind === 'transient') this.transientRetries += 1;
        await this.backoff(attempt - 1, heartbeat, stillOurs);
        if (!stillOurs()) return ABANDONED;
      }
      try {
        return await this.traced(event, message, attempt, () =>
          this.runHandler(registration, event, { topic, partition, offset: message.offset, attempt }),
        );
      } catch (error) {
        lastError = error;
        const kind = failureKindOf(error);
        // A dependency that is down fails every try: say so at the first and then every tenth.
        if (kind !== 'transient' || attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(kind === 'transient' ? 'event handler waits for a dependency' : 'event handler failed', {
            consumer: this.options.consumerName,
            type: event.type,
            eventId: event.id,
            attempt,
            kind,
            error: String(error),
          });
        }
      }
    }
  }

  /** A span per handling, child of the publisher's span carried in the message headers. */
  private traced<T>(event: CloudEvent, message: KafkaMessage, attempt: number, run: () => Promise<T>): Promise<T> {
    const parent: Context = contextFromTraceHeaders({
      traceparent: message.headers?.traceparent?.toString(),
      tracestate: message.headers?.tracestate?.toString(),
    });
    return tracer.startActiveSpan(`handle ${event.type}`, {}, parent, async (span) => {
      span.setAttributes({
        'messaging.consumer.group.name': this.options.groupId,
        'messaging.message.id': event.id,
        'obolus.account_id': event.accountid,
        'obolus.attempt': attempt,
      });
      try {
        return await run();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async runHandler(
    registration: EventHandlerRegistration,
    event: CloudEvent,
    position: { topic: string; partition: number; offset: string; attempt: number },
  ): Promise<Outcome> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.options.schema}".inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (consumer, event_id) DO NOTHING
         RETURNING event_id`,
        [this.options.consumerName, event.id, event.type, position.topic, position.partition, position.offset],
      );
      if (inserted.length === 0) return 'duplicate';
      const context: EventHandlerContext = {
        ...unitOfWork(manager, this.options.outbox),
        ...position,
      };
      await registration.handle(event, context);
      return 'processed';
    });
  }

  private async backoff(attempt: number, heartbeat: () => Promise<void>, stillOurs: () => boolean): Promise<void> {
    const base = Math.min(this.retry.maxBackoffMs, this.retry.initialBackoffMs * 2 ** Math.min(attempt - 1, 20));
    const jittered = base / 2 + Math.random() * (base / 2);
    const until = Date.now() + jittered;
    // Stay in the group while waiting: kafkajs only heartbeats between messages. A broker that is down
    // fails the heartbeat too; that is the same wait, not a reason to give up the message.
    while (Date.now() < until && stillOurs()) {
      await heartbeat().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(1000, until - Date.now()))));
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<Outcome> {
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.error]: error.slice(0, 4000),
      [DLQ_HEADERS.attempts]: String(attempts),
      [DLQ_HEADERS.consumer]: this.options.consumerName,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: String(partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    // If this send fails, the error propagates, the offset is not committed and the message comes back.
    await this.options.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.logger.error('event dead-lettered', {
      consumer: this.options.consumerName,
      topic,
      offset: message.offset,
      reason,
      error,
    });
    return 'dead-lettered';
  }
}

function parseEnvelope(message: KafkaMessage): CloudEvent {
  if (!message.value) throw new Error('empty message value');
  const parsed: unknown = JSON.parse(message.value.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('message value is not a JSON object');
  const event = parsed as Partial<CloudEvent>;
  const missing = (['specversion', 'id', 'type', 'source', 'accountid'] as const).filter(
    (field) => typeof event[field] !== 'string' || !event[field],
  );
  if (missing.length) throw new Error(`not a CloudEvents envelope: missing ${missing.join(', ')}`);
  if (event.specversion !== '1.0') throw new Error(`unsupported CloudEvents specversion ${event.specversion}`);
  return event as CloudEvent;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
