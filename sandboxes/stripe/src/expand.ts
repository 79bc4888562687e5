import { invalidRequest } from './errors';
import type { StripeState } from './state';

type Json = Record<string, unknown>;

function expandPath(value: unknown, path: string[], state: StripeState, full: string): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const object = value as Json;
  const [field, ...rest] = path;
  if (object.object === 'list' && field === 'data') {
    object.data = (object.data as unknown[]).map((item) => expandPath(item, rest, state, full));
    return object;
  }
  if (!(field in object)) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  const current = object[field];
  if (typeof current === 'string') {
    const target = state.objects.get(current);
    if (!target) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
    object[field] = expandPath(structuredClone(target), rest, state, full);
  } else {
    object[field] = expandPath(current, rest, state, full);
  }
  return object;
}

/** Replaces ids with the objects they name, as Stripe's `expand[]=latest_charge` does (up to four levels). */
export function expand(body: Json, paths: readonly string[], state: StripeState): Json {
  let result = structuredClone(body);
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property (${path}).`, { param: 'expand' });
    result = expandPath(result, parts, state, path) as Json;
  }
  return result;
}
