import type { Call } from '../call';
import { listObject } from '../lists';
import { allowOnly, optionalString, optionalStringArray } from '../params';
import type { StripeObject } from '../state';

export function retrieveEvent(call: Call): StripeObject {
  return call.state.get(call.path.id, 'event');
}

/** Events newest first; `type` may end in `.*` (`payment_intent.*`), `types[]` lists several. */
export function listEvents(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['type', 'types', 'limit', 'starting_after', 'ending_before', 'created', 'delivery_success']);
  const type = optionalString(call.params, 'type');
  const types = optionalStringArray(call.params, 'types');
  const matches = (eventType: string, pattern: string): boolean =>
    pattern.endsWith('.*') ? eventType.startsWith(pattern.slice(0, -1)) : eventType === pattern;
  const items = [...call.state.events]
    .reverse()
    .filter(
      (e) =>
        (type === undefined || matches(e.type as string, type)) &&
        (types === undefined || types.some((t) => matches(e.type as string, t))),
    );
  return listObject(items, call.params, '/v1/events');
}
