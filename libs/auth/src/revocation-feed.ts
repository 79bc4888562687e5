import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  CloudEvent,
  SessionRevokedV1,
  SessionRevokedV1Data,
  UserRemovedV1,
  UserRemovedV1Data,
  violationsOf,
} from '@obolus/contracts';
import { createKafka, ensureTopics, MessagingLogger } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { RevocationList } from './revocation-list';

export interface RevocationFeedOptions {
  brokers: string[];
  /** The service, for the Kafka client id and the group id. */
  service: string;
  /** How long start-up waits for the list to catch up before the service opens anyway (and answers 503). */
  catchUpTimeoutMs?: number;
}

/** identity's topics that end access: its sessions, and its users' memberships. */
export const REVOCATION_TOPICS = [...new Set([SessionRevokedV1.topic, UserRemovedV1.topic])];

const logger = new Logger('RevocationFeed');
const messagingLogger: MessagingLogger = {
  info: (message, fields) => logger.log(fields ? { message, ...fields } : message),
  warn: (message, fields) => logger.warn(fields ? { message, ...fields } : message),
  error: (message, fields) => logger.error(fields ? { message, ...fields } : message),
};

/**
 * Feeds a RevocationList from identity's topics. Every instance must see every revocation, so each
 * one reads in a consumer group of its own (a broadcast), from the beginning of the topics, and
 * commits nothing: the list lives in memory and is rebuilt at each start. The list counts as caught
 * up once every partition has been read up to where it ended when the feed started.
 */
export class RevocationFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  /** `topic/partition` → the offset to reach before the list is complete */
  private readonly pending = new Map<string, number>();
  private stopped = false;
  private started?: Promise<void>;

  constructor(
    private readonly list: RevocationList,
    private readonly options: RevocationFeedOptions,
  ) {
    this.kafka = createKafka({ brokers: options.brokers, clientId: `obolus-${options.service}-revocations` }, messagingLogger);
  }

  /**
   * Waits for the list to catch up, at most `catchUpTimeoutMs` (30 s by default); past that the
   * service starts anyway and its guard answers 503 until the list is complete.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.started = this.startWithRetries();
    const timeoutMs = this.options.catchUpTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([this.caughtUp(), late]);
    clearTimeout(timer);
    if (outcome === 'late') logger.warn(`revocations not read within ${timeoutMs} ms; access is refused (503) until they are`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.started?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Resolves when the list has read every revocation published before the start. */
  async caughtUp(): Promise<void> {
    while (!this.list.isCaughtUp && !this.stopped) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async startWithRetries(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.start();
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        logger.warn({ message: 'revocation feed could not start yet; retrying', attempt, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }

  private async start(): Promise<void> {
    await ensureTopics(this.kafka, REVOCATION_TOPICS);
    await this.recordEnds();
    const consumer = this.kafka.consumer({
      groupId: `obolus.${this.options.service}.revocations.${randomUUID()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      logger.error({ message: 'revocation feed crashed', error: String(event.payload.error), restart: event.payload.restart });
      if (!event.payload.restart && !this.stopped) void this.restart();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: REVOCATION_TOPICS, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatch: (payload) => this.onBatch(payload) });
    this.settleIfDone();
  }

  /** After a crash kafkajs gives up on, read again from the beginning (the list absorbs repeats). */
  private async restart(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
    this.started = this.startWithRetries();
  }

  /** Where each partition ends now: reading up to there makes the list complete. */
  private async recordEnds(): Promise<void> {
    if (this.list.isCaughtUp) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of REVOCATION_TOPICS) {
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          if (Number(high) > Number(low)) this.pending.set(`${topic}/${partition}`, Number(high));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async onBatch({ batch, heartbeat }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) this.apply(message.value);
    const key = `${batch.topic}/${batch.partition}`;
    const target = this.pending.get(key);
    if (target !== undefined && Number(batch.lastOffset()) + 1 >= target) {
      this.pending.delete(key);
      this.settleIfDone();
    }
    await heartbeat();
  }

  private settleIfDone(): void {
    if (this.pending.size === 0 && !this.list.isCaughtUp) {
      this.list.markCaughtUp();
      logger.log({ message: 'revocations read', remembered: this.list.size });
    }
  }

  private apply(value: Buffer | null): void {
    let event: CloudEvent;
    try {
      event = JSON.parse(value?.toString('utf8') ?? '') as CloudEvent;
    } catch {
      logger.warn('a message on a revocation topic is not JSON; ignored');
      return;
    }
    const contract = [SessionRevokedV1, UserRemovedV1].find((c) => c.type === event?.type);
    if (!contract) return; // user.joined and other events of the topic end nothing
    const violations = violationsOf(contract, event.data);
    if (violations.length) {
      logger.warn({ message: 'a revocation event breaks its contract; ignored', type: event.type, id: event.id, violations });
      return;
    }
    if (contract === SessionRevokedV1) {
      const data = event.data as SessionRevokedV1Data;
      this.list.revokeSession(data.sessionId, new Date(data.revokedAt));
    } else {
      const data = event.data as UserRemovedV1Data;
      this.list.removeUser(data.accountId, data.userId, new Date(data.removedAt));
    }
  }
}
