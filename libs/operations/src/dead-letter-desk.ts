import { Inject, Injectable } from '@nestjs/common';
import { catalogTopics, deadLetterTopic } from '@obolus/contracts';
import { DeadLetter, readDeadLetters, replayDeadLetters } from '@obolus/messaging';
import { EVENT_PRODUCER, KAFKA, SERVICE_NAME } from '@obolus/platform';
import { Kafka, Producer } from 'kafkajs';
import { DeadLettersError } from './dead-letters.error';

/** One dead letter of this service, as the staff console shows it (the message itself stays in Kafka). */
export interface DeadLetterView {
  topic: string;
  partition: number;
  offset: string;
  eventId?: string;
  eventType?: string;
  accountId?: string;
  reason?: string;
  error?: string;
  attempts?: number;
  failedAt?: string;
}

export const view = (topic: string, letter: DeadLetter): DeadLetterView => ({
  topic,
  partition: letter.partition,
  offset: letter.offset,
  eventId: letter.eventId,
  eventType: letter.eventType,
  accountId: letter.accountId,
  reason: letter.reason,
  error: letter.error?.slice(0, 2000),
  attempts: letter.attempts,
  failedAt: letter.failedAt,
});

/**
 * The dead letters this service's consumers set aside (`<topic>.dlq`, marked with this service as the
 * consumer), read and replayed as `obolus dlq` does from a terminal. Only dead-letter topics that hold
 * something are read, so an empty desk costs one offsets request per topic.
 */
@Injectable()
export class DeadLetterDesk {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  async list(filter: { accountId?: string } = {}): Promise<DeadLetterView[]> {
    const views: DeadLetterView[] = [];
    for (const topic of await this.topicsWithLetters()) {
      for (const letter of await this.lettersOf(topic)) {
        if (!filter.accountId || letter.accountId === filter.accountId) views.push(view(topic, letter));
      }
    }
    return views;
  }

  /** Finds one of this service's dead letters, or refuses naming what did not match. */
  async find(topic: string, partition: number, offset: string): Promise<DeadLetter> {
    if (!this.topics().includes(topic)) {
      throw new DeadLettersError(
        'UNKNOWN_TOPIC',
        `${topic} is not an Obolus topic`,
        [{ field: 'topic', reason: 'unknown topic' }],
        'invalid',
      );
    }
    const letter = (await this.lettersOf(topic)).find(
      (candidate) => candidate.partition === partition && candidate.offset === offset,
    );
    if (!letter) {
      throw new DeadLettersError(
        'DEAD_LETTER_NOT_FOUND',
        `no dead letter of ${this.service} at ${topic} ${partition}/${offset}`,
        [{ field: 'offset', reason: 'no dead letter of this service there' }],
      );
    }
    return letter;
  }

  /** Sends the letter back to its topic; every consumer's inbox absorbs it if it was already handled. */
  async replay(topic: string, letter: DeadLetter): Promise<void> {
    await replayDeadLetters(this.producer, topic, [letter]);
  }

  /** The topics whose dead letters it reads: every topic of the event catalog. */
  protected topics(): string[] {
    return catalogTopics();
  }

  private async lettersOf(topic: string): Promise<DeadLetter[]> {
    const letters = await readDeadLetters(this.kafka, topic, 15_000);
    return letters.filter((letter) => letter.consumer === this.service);
  }

  private async topicsWithLetters(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics: string[] = [];
      for (const topic of this.topics()) {
        if (!existing.has(deadLetterTopic(topic))) continue;
        const offsets = await admin.fetchTopicOffsets(deadLetterTopic(topic));
        if (offsets.some((o) => BigInt(o.high) > BigInt(o.low))) topics.push(topic);
      }
      return topics;
    } finally {
      await admin.disconnect();
    }
  }
}
