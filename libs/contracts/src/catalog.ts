import { EventContract } from './event-contract';
import { AccountCreatedV1, UserJoinedV1, UserRemovedV1 } from './identity/events';
import { NotificationDeliveredV1 } from './notifications/events';

/** Every event Obolus publishes. The AsyncAPI document and consumers' schema checks come from this list. */
export const eventCatalog: readonly EventContract[] = [AccountCreatedV1, UserJoinedV1, UserRemovedV1, NotificationDeliveredV1];

const byType = new Map(eventCatalog.map((contract) => [contract.type, contract]));

export function findEventContract(type: string): EventContract | undefined {
  return byType.get(type);
}

export function catalogTopics(): string[] {
  return [...new Set(eventCatalog.map((contract) => contract.topic))].sort();
}
