import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Producer } from 'kafkajs';
import { Client, ClientConfig } from 'pg';
import { MessagingLogger, silentLogger } from './logger';
import { outboxChannel } from './messaging-tables.migration';
import { captureTraceHeaders, contextFromTraceHeaders, PINNED_TRACEPARENT_HEADER, TraceHeaders } from './trace-context';

export interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** The CloudEvent, as JSON text. */
  envelope: string;
  headers: TraceHeaders;
  /** The envelope's size in bytes, as Kafka will carry it. */
  bytes: number;
}

/** A record the broker can never take, held back with the later records of its key. */
export interface SetAsideRecord {
  seq: string;
  eventId: string;
  topic: string;
  key: string;
  eventType: string;
  bytes: number;
  reason: string;
  setAsideAt: string;
}

export interface OutboxRelayOptions {
  /** The service's own connection (its role owns the outbox). */
  connection: ClientConfig;
  schema: string;
  /** An idempotent producer with one request in flight, so per-key order survives retries. */
  producer: Producer;
  /**
   * Makes a new producer like it. After a refused request the relay replaces its producer: a request
   * refused for one partition may have been written for others without the producer counting their
   * sequence numbers, and the broker would then refuse every later send as out of order.
   */
  newProducer?: () => Producer;
  batchSize?: number;
  /** A batch's envelopes stay under this many bytes (the broker refuses a request over 1 MB by default). */
  maxBatchBytes?: number;
  /** A record over this many bytes is never sent: it is set aside. */
  maxRecordBytes?: number;
  /** The longest the relay sleeps when no NOTIFY arrives. */
  pollIntervalMs?: number;
  logger?: MessagingLogger;
  /** Called after Kafka acknowledged a batch and before the rows are marked: an observation point. */
  afterPublish?: (rows: OutboxRow[]) => Promise<void> | void;
}

const tracer = trace.getTracer('@obolus/messaging');

/** Broker answers that no retry of the same record can change. */
const NON_RETRIABLE_PRODUCE_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'TOPIC_AUTHORIZATION_FAILED',
  'INVALID_TOPIC_EXCEPTION',
]);

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent after the broker's ack.
 * Batches are sized in bytes, below the broker's limit. A record the broker can never take (too large,
 * refused as invalid) is set aside with the later records of its key, so that key's order holds, and
 * logged at error level; the other keys keep flowing. `setAside()` lists what waits there.
 * One relay per schema is active at a time (a session advisory lock), so replicas of a service never
 * publish the same key out of order; the others wait to take over. A crash between the ack and the
 * mark publishes the rows again on restart: delivery is at least once, and consumers' inboxes make
 * the effect exactly once.
 */
export class OutboxRelay {
  private client?: Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly lockKey: number;
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly maxRecordBytes: number;
  private readonly pollIntervalMs: number;
  private readonly logger: MessagingLogger;
  published = 0;
  private producer: Producer;
  /** Whether the current producer is one this relay made (and must disconnect). */
  private ownsProducer = false;
  /** Records set aside by this relay since start. */
  setAsideCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? 512 * 1024;
    this.maxRecordBytes = options.maxRecordBytes ?? 900 * 1024;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.logger = options.logger ?? silentLogger;
    this.lockKey = lockKeyOf(options.schema);
    this.producer = options.producer;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.ownsProducer) await this.producer.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.connectAndLead();
        while (this.running) {
          const count = await this.publishBatch();
          if (count === 0) await this.sleepUntilNotified();
        }
      } catch (error) {
        if (!this.running) break;
        this.logger.error('outbox relay failed; reconnecting', { schema: this.options.schema, error: String(error) });
        await this.disconnect();
        await delay(Math.min(this.pollIntervalMs, 2000));
      }
    }
    await this.disconnect();
  }

  private async connectAndLead(): Promise<void> {
    if (this.client) return;
    const client = new Client(this.options.connection);
    client.on('error', (error) => this.logger.warn('outbox relay connection error', { error: String(error) }));
    client.on('notification', () => this.wake?.());
    await client.connect();
    // Safe to skip the commit flush here: a lost "published" mark only republishes rows, and inboxes
    // absorb the duplicates. (Never for the writers' or consumers' transactions.)
    await client.query('SET synchronous_commit TO off');
    this.client = client;
    while (this.running) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [this.lockKey]);
      if (rows[0]?.locked) break;
      await this.sleepUntilNotified(this.pollIntervalMs * 2);
    }
    await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.logger.info('outbox relay leads', { schema: this.options.schema });
  }

  private async publishBatch(): Promise<number> {
    const client = this.client!;
    const schema = this.options.schema;
    await client.query('BEGIN');
    try {
      const { rows: claimed } = await client.query<OutboxRow>(
        // The envelope goes out as the JSON text Postgres holds: no parse and re-serialise per row.
        // A key with a record set aside waits behind it.
        `SELECT o.seq, o.event_id, o.topic, o.message_key, o.event_type, o.envelope::text AS envelope, o.headers,
                octet_length(o.envelope::text) AS bytes
           FROM "${schema}".outbox o
          WHERE o.published_at IS NULL AND o.set_aside_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM "${schema}".outbox s
               WHERE s.set_aside_at IS NOT NULL AND s.published_at IS NULL
                 AND s.topic = o.topic AND s.message_key = o.message_key AND s.seq < o.seq)
          ORDER BY o.seq
          LIMIT $1
          FOR UPDATE OF o SKIP LOCKED`,
        [this.batchSize],
      );
      if (claimed.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const { batch, tooLarge } = this.sizeBatch(claimed);
      const sent: OutboxRow[] = [];
      const setAside = tooLarge.map((row) => ({
        row,
        reason: `the record is ${row.bytes} bytes, over the ${this.maxRecordBytes} bytes a message may have`,
      }));
      if (batch.length > 0) {
        try {
          await this.send(batch);
          sent.push(...batch);
        } catch (error) {
          if (!isNonRetriableProduceError(error)) throw error;
          await this.resetProducer();
          // Find the record the broker refuses: one at a time, in order, holding back its key. Records
          // the refused request did write go out twice; consumers' inboxes absorb that.
          const blocked = new Set<string>();
          for (const row of batch) {
            if (blocked.has(keyOf(row))) continue;
            try {
              await this.send([row]);
              sent.push(row);
            } catch (single) {
              if (!isNonRetriableProduceError(single)) throw single;
              setAside.push({ row, reason: `the broker refused the record: ${String((single as Error).message ?? single)}` });
              blocked.add(keyOf(row));
              await this.resetProducer();
            }
          }
        }
      }
      if (sent.length > 0) await this.options.afterPublish?.(sent);
      if (sent.length > 0) {
        await client.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
          sent.map((row) => row.seq),
        ]);
      }
      for (const { row, reason } of setAside) {
        await client.query(`UPDATE "${schema}".outbox SET set_aside_at = now(), set_aside_reason = $2 WHERE seq = $1`, [
          row.seq,
          reason,
        ]);
        this.logger.error('outbox record set aside: it can never be sent; later records of its key wait behind it', {
          schema,
          seq: row.seq,
          eventId: row.event_id,
          eventType: row.event_type,
          topic: row.topic,
          key: row.message_key,
          bytes: row.bytes,
          reason,
        });
      }
      await client.query('COMMIT');
      this.published += sent.length;
      this.setAsideCount += setAside.length;
      // Rows left out of a full batch are claimed again at once.
      return sent.length + setAside.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async resetProducer(): Promise<void> {
    if (!this.options.newProducer) return;
    const old = this.producer;
    this.producer = this.options.newProducer();
    await this.producer.connect();
    if (this.ownsProducer) await old.disconnect().catch(() => undefined);
    this.ownsProducer = true;
  }

  /**
   * The longest prefix of the claimed rows (oldest first) that stays under the byte budget, leaving
   * out rows no broker would take and the later rows of their keys.
   */
  private sizeBatch(claimed: OutboxRow[]): { batch: OutboxRow[]; tooLarge: OutboxRow[] } {
    const batch: OutboxRow[] = [];
    const tooLarge: OutboxRow[] = [];
    const blocked = new Set<string>();
    let bytes = 0;
    for (const row of claimed) {
      row.bytes = Number(row.bytes);
      if (blocked.has(keyOf(row))) continue;
      if (row.bytes > this.maxRecordBytes) {
        tooLarge.push(row);
        blocked.add(keyOf(row));
        continue;
      }
      if (batch.length > 0 && bytes + row.bytes > this.maxBatchBytes) break;
      batch.push(row);
      bytes += row.bytes;
    }
    return { batch, tooLarge };
  }

  /** The records set aside in this schema's outbox that still wait, oldest first. */
  async setAside(): Promise<SetAsideRecord[]> {
    const client = new Client(this.options.connection);
    await client.connect();
    try {
      const { rows } = await client.query<SetAsideRecord>(
        `SELECT seq, event_id AS "eventId", topic, message_key AS key, event_type AS "eventType",
                octet_length(envelope::text) AS bytes, set_aside_reason AS reason, set_aside_at AS "setAsideAt"
           FROM "${this.options.schema}".outbox
          WHERE set_aside_at IS NOT NULL AND published_at IS NULL
          ORDER BY seq`,
      );
      return rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const spans = rows.map((row) => {
      const parent = contextFromTraceHeaders(row.headers);
      const span = tracer.startSpan(
        `publish ${row.topic}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.event_id,
            'messaging.kafka.message.key': row.message_key,
            'cloudevents.event_type': row.event_type,
          },
        },
        parent,
      );
      return { span, headers: captureTraceHeaders(trace.setSpan(parent, span)) };
    });
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    rows.forEach((row, index) => {
      const { headers } = spans[index]!;
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.message_key,
        value: row.envelope,
        headers: {
          'content-type': 'application/cloudevents+json; charset=UTF-8',
          'ce-id': row.event_id,
          'ce-type': row.event_type,
          ...(headers.traceparent ? { traceparent: headers.traceparent, [PINNED_TRACEPARENT_HEADER]: headers.traceparent } : {}),
          ...(headers.tracestate ? { tracestate: headers.tracestate } : {}),
        },
      });
      byTopic.set(row.topic, messages);
    });
    try {
      // The client library's own send spans hang under one batch span, linked to every row's trace.
      await tracer.startActiveSpan(
        'outbox relay batch',
        { kind: SpanKind.INTERNAL, links: spans.map(({ span }) => ({ context: span.spanContext() })) },
        ROOT_CONTEXT,
        async (batchSpan) => {
          try {
            await this.producer.sendBatch({
              acks: -1,
              topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
            });
          } finally {
            batchSpan.end();
          }
        },
      );
      spans.forEach(({ span }) => span.end());
    } catch (error) {
      spans.forEach(({ span }) => {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        span.end();
      });
      throw error;
    }
  }

  private sleepUntilNotified(ms = this.pollIntervalMs): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    // Ending the session releases the advisory lock, so a standby relay takes over.
    await client.end().catch(() => undefined);
  }
}

const keyOf = (row: OutboxRow): string => `${row.topic}\u0000${row.message_key}`;

function isNonRetriableProduceError(error: unknown): boolean {
  for (
    let current = error as { type?: unknown; cause?: unknown; retriable?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    if (typeof current.type === 'string' && NON_RETRIABLE_PRODUCE_ERRORS.has(current.type)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** A stable 32-bit advisory-lock key per schema. */
function lockKeyOf(schema: string): number {
  let hash = 0x5f3759df;
  for (const char of `obolus-outbox:${schema}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash | 0;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
