import { invalidRequest } from './errors';
import type { Params } from './form';
import { optionalInteger, optionalString } from './params';
import type { StripeObject } from './state';

/** Stripe's list object with cursor pagination (`limit` 1..100, `starting_after`, `ending_before`). */
export function listObject(items: StripeObject[], params: Params, url: string): Record<string, unknown> {
  const limit = optionalInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest('This value must be between 1 and 100.', { param: 'limit', code: 'parameter_invalid_integer' });
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');
  let page: StripeObject[];
  let hasMore: boolean;
  if (endingBefore) {
    const index = items.findIndex((o) => o.id === endingBefore);
    if (index < 0)
      throw invalidRequest(`No such object: '${endingBefore}'`, { param: 'ending_before', code: 'resource_missing' });
    const before = items.slice(0, index);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    let rest = items;
    if (startingAfter) {
      const index = items.findIndex((o) => o.id === startingAfter);
      if (index < 0)
        throw invalidRequest(`No such object: '${startingAfter}'`, { param: 'starting_after', code: 'resource_missing' });
      rest = items.slice(index + 1);
    }
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  }
  return { object: 'list', data: page, has_more: hasMore, url };
}
