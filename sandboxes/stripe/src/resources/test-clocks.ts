import type { Call } from '../call';
import { invalidRequest, missingParam } from '../errors';
import { newId, nowSeconds } from '../ids';
import { listObject } from '../lists';
import { allowOnly, optionalInteger, optionalString } from '../params';
import type { RequestInfo, StripeObject } from '../state';

const KIND = 'test_helpers.test_clock';
/** Stripe deletes a test clock 30 days after it was created. */
const LIFETIME_SECONDS = 30 * 86_400;

function frozenTimeParam(call: Call): number {
  const frozenTime = optionalInteger(call.params, 'frozen_time');
  if (frozenTime === undefined) throw missingParam('frozen_time');
  return frozenTime;
}

/**
 * Stripe's test clocks (`/v1/test_helpers/test_clocks`): customers created with `test_clock` live on
 * the clock's frozen time, and their bank debits settle when the clock is advanced past their
 * settlement time, not after real time.
 */
export function createTestClock(call: Call): StripeObject {
  allowOnly(call.params, ['frozen_time', 'name']);
  const created = nowSeconds();
  const clock: StripeObject = {
    id: newId('clock'),
    object: KIND,
    created,
    deletes_after: created + LIFETIME_SECONDS,
    frozen_time: frozenTimeParam(call),
    livemode: false,
    name: optionalString(call.params, 'name') ?? null,
    status: 'ready',
    status_details: {},
  };
  call.state.put(clock);
  return clock;
}

export function retrieveTestClock(call: Call): StripeObject {
  return call.state.get(call.path.id, KIND);
}

export function listTestClocks(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['limit', 'starting_after', 'ending_before']);
  return listObject(call.state.all(KIND), call.params, '/v1/test_helpers/test_clocks');
}

/** Deleting a clock deletes its customers, as Stripe does. */
export function deleteTestClock(call: Call): StripeObject {
  const clock = call.state.get(call.path.id, KIND);
  for (const customer of call.state.all('customer').filter((c) => c.test_clock === clock.id)) {
    call.state.objects.set(customer.id, { id: customer.id, object: 'customer', deleted: true } as unknown as StripeObject);
  }
  call.state.dropClock(clock.id);
  const tombstone = { id: clock.id, object: KIND, deleted: true } as unknown as StripeObject;
  call.state.objects.set(clock.id, tombstone);
  return tombstone;
}

/**
 * Moves the clock forward. Stripe answers `advancing` and does the work in the background: here the
 * debits due by the new time settle (their webhooks go out), then the clock is `ready` again, with
 * `test_helpers.test_clock.ready`.
 */
export function advanceTestClock(call: Call): StripeObject {
  allowOnly(call.params, ['frozen_time']);
  const { state } = call;
  const clock = state.get(call.path.id, KIND);
  const frozenTime = frozenTimeParam(call);
  if (clock.status === 'advancing') {
    throw invalidRequest('The test clock is currently advancing. Wait until it is ready before advancing it again.', {
      code: 'test_clock_unexpected_state',
    });
  }
  if (frozenTime <= (clock.frozen_time as number)) {
    throw invalidRequest(
      `The frozen_time (${frozenTime}) must be after the test clock's current frozen_time (${String(clock.frozen_time)}).`,
      { param: 'frozen_time' },
    );
  }
  clock.frozen_time = frozenTime;
  clock.status = 'advancing';
  clock.status_details = { advancing: { target_frozen_time: frozenTime } };
  state.emit('test_helpers.test_clock.advancing', clock, call.request);
  const background: RequestInfo = { requestId: null, idempotencyKey: null, apiVersion: call.request.apiVersion };
  state.later(0, () => {
    state.runClock(clock.id, frozenTime);
    clock.status = 'ready';
    clock.status_details = {};
    state.emit('test_helpers.test_clock.ready', clock, background);
  });
  return clock;
}
