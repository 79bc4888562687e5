import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { findEventContract, SubscriptionExpiringV1, Topics, TrialEndingV1 } from '@obolus/contracts';
import { DeliveriesConsumer } from './deliveries.consumer';

/** The event types the consumer's handlers declare, as the Kafka transport reads them. */
function handledTypes(): string[] {
  const prototype = DeliveriesConsumer.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap(
    (name) => (Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as string[] | undefined) ?? [],
  );
}

describe('DeliveriesConsumer', () => {
  it('handles the B6 notices, and so reads the subscriptions topic (its topics are those of its handlers)', () => {
    const types = handledTypes();
    expect(types).toEqual(expect.arrayContaining([TrialEndingV1.type, SubscriptionExpiringV1.type]));
    const topics = types.map((type) => findEventContract(type)?.topic);
    expect(topics).not.toContain(undefined);
    expect(topics).toContain(Topics.subscriptionsSubscription);
  });
});
