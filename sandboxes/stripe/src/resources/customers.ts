import type { Call } from '../call';
import { base62, newId, nowSeconds } from '../ids';
import { listObject } from '../lists';
import { allowOnly, mergeMetadata, nullableString, optionalObject, optionalString, optionalStringArray } from '../params';
import { clone, type StripeObject } from '../state';

const WRITABLE = [
  'address',
  'description',
  'email',
  'metadata',
  'name',
  'phone',
  'preferred_locales',
  'invoice_settings',
  'payment_method',
];

function invoiceSettings(call: Call, current: Record<string, unknown>): Record<string, unknown> {
  const settings = optionalObject(call.params, 'invoice_settings');
  if (!settings) return current;
  const next = { ...current };
  if (settings.default_payment_method !== undefined) {
    const pm = settings.default_payment_method === '' ? null : String(settings.default_payment_method);
    if (pm) call.state.get(pm, 'payment_method', 'invoice_settings[default_payment_method]');
    next.default_payment_method = pm;
  }
  return next;
}

function address(call: Call, current: unknown): unknown {
  const value = call.params.address;
  if (value === undefined) return current;
  if (value === '') return null;
  const given = optionalObject(call.params, 'address') ?? {};
  const keys = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'];
  return Object.fromEntries(keys.map((k) => [k, typeof given[k] === 'string' ? given[k] : null]));
}

export function createCustomer(call: Call): StripeObject {
  allowOnly(call.params, [...WRITABLE, 'test_clock']);
  const { params, state } = call;
  const testClock = optionalString(params, 'test_clock') || null;
  if (testClock) state.get(testClock, 'test_helpers.test_clock', 'test_clock');
  const customer: StripeObject = {
    id: newId('cus'),
    object: 'customer',
    address: address(call, null),
    balance: 0,
    created: testClock ? (state.get(testClock, 'test_helpers.test_clock').frozen_time as number) : nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: nullableString(params, 'description') ?? null,
    discount: null,
    email: nullableString(params, 'email') ?? null,
    invoice_prefix: base62(8).toUpperCase(),
    invoice_settings: invoiceSettings(call, {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    }),
    livemode: false,
    metadata: mergeMetadata({}, params),
    name: nullableString(params, 'name') ?? null,
    next_invoice_sequence: 1,
    phone: nullableString(params, 'phone') ?? null,
    preferred_locales: optionalStringArray(params, 'preferred_locales') ?? [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: testClock,
  };
  state.put(customer);
  state.emit('customer.created', customer, call.request);
  return customer;
}

export function retrieveCustomer(call: Call): StripeObject {
  const customer = call.state.objects.get(call.path.id);
  // A deleted customer is still retrievable, as `{ id, object, deleted: true }`.
  if (customer && customer.object === 'customer') return customer;
  return call.state.get(call.path.id, 'customer');
}

export function updateCustomer(call: Call): StripeObject {
  allowOnly(call.params, WRITABLE);
  const { params, state } = call;
  const customer = state.get(call.path.id, 'customer');
  const before = clone(customer);
  for (const field of ['description', 'email', 'name', 'phone'] as const) {
    const value = nullableString(params, field);
    if (value !== undefined) customer[field] = value;
  }
  if (params.preferred_locales !== undefined) customer.preferred_locales = optionalStringArray(params, 'preferred_locales') ?? [];
  customer.address = address(call, customer.address);
  customer.metadata = mergeMetadata(customer.metadata as Record<string, string>, params);
  customer.invoice_settings = invoiceSettings(call, customer.invoice_settings as Record<string, unknown>);
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(customer)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(customer[key])) previous[key] = before[key];
  }
  if (Object.keys(previous).length > 0) state.emit('customer.updated', customer, call.request, previous);
  return customer;
}

export function deleteCustomer(call: Call): StripeObject {
  const customer = call.state.get(call.path.id, 'customer');
  // Stripe keeps a tombstone: retrieving a deleted customer answers `{ id, object, deleted: true }`.
  const tombstone = { id: customer.id, object: 'customer', deleted: true } as unknown as StripeObject;
  call.state.objects.set(customer.id, tombstone);
  call.state.emit('customer.deleted', customer, call.request);
  return tombstone;
}

export function listCustomers(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['email', 'limit', 'starting_after', 'ending_before', 'created', 'test_clock']);
  const email = optionalString(call.params, 'email');
  const testClock = optionalString(call.params, 'test_clock');
  // Stripe matches the email case-sensitively.
  const items = call.state
    .all('customer')
    .filter((c) => (email === undefined || c.email === email) && (testClock === undefined || c.test_clock === testClock));
  return listObject(items, call.params, '/v1/customers');
}
