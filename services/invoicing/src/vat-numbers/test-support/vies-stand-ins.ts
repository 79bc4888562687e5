import { Clock } from '@obolus/platform';
import { ViesClient } from '@obolus/vat';

/** A VIES client for specs, asking the VIES sandbox at `url` once per check, timed by `clock`. */
export const viesAt = (url: string, clock: Clock): ViesClient =>
  new ViesClient({ baseUrl: url, timeoutMs: 2_000, maxAttempts: 1, now: () => clock.now() });

/** A VIES client for specs whose every call fails as if the network were down: VIES cannot say. */
export const unreachableVies = (clock: Clock): ViesClient =>
  new ViesClient({
    baseUrl: 'http://vies.invalid/taxation_customs/vies/rest-api',
    maxAttempts: 1,
    now: () => clock.now(),
    fetch: async () => {
      throw new TypeError('fetch failed');
    },
  });
