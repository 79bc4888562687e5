import { invalidRequest, missingParam, unknownParam } from './errors';
import type { ParamValue, Params } from './form';

export type Metadata = Record<string, string>;

/** Rejects top-level parameters the endpoint doesn't know, as Stripe does (`parameter_unknown`). */
export function allowOnly(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) throw unknownParam(key);
  }
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidRequest(`Invalid string: ${name}`, { param: name, code: 'parameter_invalid_string' });
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') throw missingParam(name);
  return value;
}

/** A nullable string: an empty value clears the field, as in Stripe's updates. */
export function nullableString(params: Params, name: string): string | null | undefined {
  const value = optionalString(params, name);
  return value === '' ? null : value;
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw invalidRequest(`Invalid integer: ${value}`, { param: name, code: 'parameter_invalid_integer' });
  return Number(value);
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${value}`, { param: name });
  return value === 'true';
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidRequest(`Invalid object`, { param: name, code: 'parameter_invalid_empty' });
  return value;
}

export function optionalStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v): v is string => typeof v === 'string')) throw invalidRequest(`Invalid array`, { param: name });
  return list;
}

export function expandPaths(params: Params): string[] {
  return optionalStringArray(params, 'expand') ?? [];
}

/**
 * Stripe's metadata update rules: keys merge into what is there, a key set to '' is removed,
 * and `metadata=''` removes every key. At most 50 keys, keys up to 40 and values up to 500 characters.
 */
export function mergeMetadata(current: Metadata, params: Params): Metadata {
  const value: ParamValue | undefined = params.metadata;
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid metadata', { param: 'metadata' });
  const next: Metadata = { ...current };
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalidRequest(`Invalid value for metadata[${key}]`, { param: `metadata[${key}]` });
    if (key.length > 40) throw invalidRequest(`Metadata keys can have up to 40 characters.`, { param: `metadata[${key}]` });
    if (v.length > 500) throw invalidRequest(`Metadata values can have up to 500 characters.`, { param: `metadata[${key}]` });
    if (v === '') delete next[key];
    else next[key] = v;
  }
  if (Object.keys(next).length > 50) throw invalidRequest('You can have up to 50 metadata keys.', { param: 'metadata' });
  return next;
}

/**
 * The payment method types a PaymentIntent or SetupIntent may use. API versions from 2026-09-30
 * take `allowed_payment_method_types` and reject the older `payment_method_types`.
 */
export function allowedPaymentMethodTypes(params: Params, apiVersion: string): string[] | undefined {
  if (params.payment_method_types !== undefined && apiVersion >= '2026-09-30') throw unknownParam('payment_method_types');
  return optionalStringArray(params, 'allowed_payment_method_types') ?? optionalStringArray(params, 'payment_method_types');
}
