import { UnitOfWorkRunner } from '@obolus/messaging';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { ApiKeyAuthenticator, ApiKeyCacheOptions } from '../api-key-authenticator';
import { ApiKeysRepository } from '../api-keys.repository';
import { InMemoryApiKeys } from './in-memory-api-keys';

/** A unit-of-work runner for specs: each unit of work is a RecordingUnitOfWork (no database). */
export function recordingRunner(clock = new SettableClock()): UnitOfWorkRunner {
  return {
    run: (work: (uow: RecordingUnitOfWork) => Promise<unknown>) => work(new RecordingUnitOfWork(clock)),
  } as unknown as UnitOfWorkRunner;
}

/** An authenticator over in-memory keys, with a hand-moved monotonic time. */
export function inMemoryAuthenticator(
  keys: InMemoryApiKeys,
  clock = new SettableClock(),
  options: ApiKeyCacheOptions = {},
): { authenticator: ApiKeyAuthenticator; time: { ms: number } } {
  const time = { ms: 0 };
  const authenticator = new ApiKeyAuthenticator(recordingRunner(clock), keys as unknown as ApiKeysRepository, clock, {
    now: () => time.ms,
    ...options,
  });
  return { authenticator, time };
}
