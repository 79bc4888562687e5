import { createEventProducer, createKafka, DLQ_HEADERS, ensureTopics, REPLAYED_FROM_HEADER } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DeadLetterDesk } from '../src/dead-letter-desk';

/** The desk over topics of this spec only, so nothing it replays reaches a real consumer. */
class SpecDesk extends DeadLetterDesk {
  constructor(
    kafka: Kafka,
    producer: Producer,
    service: string,
    private readonly specTopics: string[],
  ) {
    super(kafka, producer, service);
  }

  protected override topics(): string[] {
    return this.specTopics;
  }
}

describe('DeadLetterDesk (real Kafka)', () => {
  const run = randomUUID().slice(0, 8);
  const topic = `ops-spec.${run}.v1`;
  const quiet = `ops-spec.${run}-quiet.v1`;
  const accountId = randomUUID();
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'operations-int-spec' });
    await ensureTopics(kafka, [topic, `${topic}.dlq`, quiet, `${quiet}.dlq`], 1);
    producer = createEventProducer(kafka);
    await producer.connect();
    const letter = (consumer: string, id: string, account: string) => ({
      key: account,
      value: JSON.stringify({ id, type: 'obolus.spec.thing-happened.v1', accountid: account, data: {} }),
      headers: {
        [DLQ_HEADERS.consumer]: consumer,
        [DLQ_HEADERS.reason]: 'permanent',
        [DLQ_HEADERS.error]: 'BILLING_DETAILS_MISSING: no billing details',
        [DLQ_HEADERS.attempts]: '1',
        [DLQ_HEADERS.originalTopic]: topic,
        [DLQ_HEADERS.failedAt]: '2026-11-28T06:00:00.000Z',
      },
    });
    await producer.send({
      topic: `${topic}.dlq`,
      acks: -1,
      messages: [
        letter('payments', 'evt-1', accountId),
        letter('invoicing', 'evt-2', accountId),
        letter('payments', 'evt-3', randomUUID()),
      ],
    });
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  it("lists only this service's letters, optionally one account's, and skips empty dead-letter topics", async () => {
    const desk = new SpecDesk(kafka, producer, 'payments', [topic, quiet]);
    const all = await desk.list();
    expect(all.map((letter) => letter.eventId)).toEqual(['evt-1', 'evt-3']);
    expect(all[0]).toMatchObject({ topic, partition: 0, offset: '0', accountId, reason: 'permanent', attempts: 1 });
    expect((await desk.list({ accountId })).map((letter) => letter.eventId)).toEqual(['evt-1']);
    expect((await new SpecDesk(kafka, producer, 'invoicing', [topic, quiet]).list()).map((l) => l.eventId)).toEqual(['evt-2']);
  });

  it("replays one letter to its topic as it was, and refuses another service's letter or an unknown topic", async () => {
    const desk = new SpecDesk(kafka, producer, 'payments', [topic, quiet]);
    await expect(desk.find(topic, 0, '1')).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
    await expect(desk.find('orders.v1', 0, '0')).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC', kind: 'invalid' });
    const letter = await desk.find(topic, 0, '0');
    await desk.replay(topic, letter);

    const consumer = kafka.consumer({ groupId: `ops-spec-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const replayed = await new Promise<KafkaMessage>(
      (resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message) }),
    );
    await consumer.disconnect();
    expect(JSON.parse(replayed.value!.toString()).id).toBe('evt-1');
    expect(replayed.key!.toString()).toBe(accountId);
    expect(replayed.headers![REPLAYED_FROM_HEADER]!.toString()).toBe(`${topic}.dlq/0/0`);
    expect(replayed.headers![DLQ_HEADERS.consumer]).toBeUndefined();
  });
});
