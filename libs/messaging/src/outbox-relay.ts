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
}

export interface OutboxRelayOptions {
  /** The service's own connection (its role owns the outbox). */
  connection: ClientConfig;
  schema: string;
  /** An idempotent producer with one request in flight, so per-key order survives retries. */
  producer: Producer;
  batchSize?: number;
  /** The longest the relay sleeps when no NOTIFY arrives. */
  pollIntervalMs?: number;
  logger?: MessagingLogger;
  /** Called after Kafka acknowledged a batch and before the rows are marked: an observation point. */
  afterPublish?: (rows: OutboxRow[]) => Promise<void> | void;
}

const tracer = trace.getTracer('@obolus/messaging');

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent after the broker's ack.
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
  private readonly pollIntervalMs: number;
  private readonly logger: MessagingLogger;
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.logger = options.logger ?? silentLogger;
    this.lockKey = lockKeyOf(options.schema);
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
    await client.query('BEGIN');
    try {
      const { rows } = await client.query<OutboxRow>(
        // The envelope goes out as the JSON text Postgres holds: no parse and re-serialise per row.
        `SELECT seq, event_id, topic, message_key, event_type, envelope::text AS envelope, headers
           FROM "${this.options.schema}".outbox
          WHERE published_at IS NULL
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await this.send(rows);
      await this.options.afterPublish?.(rows);
      await client.query(`UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((row) => row.seq),
      ]);
      await client.query('COMMIT');
      this.published += rows.length;
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
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
            await this.options.producer.sendBatch({
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

/** A stable 32-bit advisory-lock key per schema. */
function lockKeyOf(schema: string): number {
  let hash = 0x5f3759df;
  for (const char of `obolus-outbox:${schema}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash | 0;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
