import { FieldProblem, isUuid } from '@obolus/contracts';
import Stripe from 'stripe';

const PROVIDER_ID = /^[A-Za-z0-9_-]{1,255}$/;
const EVENT_TYPE = /^[a-z0-9_.]{1,255}$/;

/**
 * What a signed event must hold before it is stored: a signature proves who sent it, not that its fields
 * fit our tables. The ids are keys of provider_events, and the metadata names rows by UUID.
 */
export function providerEventProblems(event: Stripe.Event): FieldProblem[] {
  const fields: FieldProblem[] = [];
  const raw = event as unknown as { id?: unknown; type?: unknown; data?: { object?: unknown } };
  if (typeof raw.id !== 'string' || !PROVIDER_ID.test(raw.id))
    fields.push({ field: 'id', reason: 'must be a provider id of letters, digits, _ and -' });
  if (typeof raw.type !== 'string' || !EVENT_TYPE.test(raw.type)) fields.push({ field: 'type', reason: 'must be an event type' });
  const object = raw.data?.object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    fields.push({ field: 'data.object', reason: 'must be an object' });
    return fields;
  }
  return [...fields, ...metadataProblems((object as { metadata?: unknown }).metadata)];
}

function metadataProblems(metadata: unknown): FieldProblem[] {
  if (metadata === undefined || metadata === null) return [];
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return [{ field: 'data.object.metadata', reason: 'must be an object' }];
  }
  return ['account_id', 'payment_id']
    .filter((key) => Object.hasOwn(metadata, key) && !isUuid((metadata as Record<string, unknown>)[key]))
    .map((key) => ({ field: `data.object.metadata.${key}`, reason: 'must be a UUID' }));
}
