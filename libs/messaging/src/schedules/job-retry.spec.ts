import { DomainError } from '@obolus/contracts';
import { failureKindOf, TransientEventError } from '../failure-kind';
import { DEFAULT_JOB_RETRY, outcomeOfFailure, retryDelayMs } from './job-retry';
import { ScheduleError } from './scheduled-job';

const policy = { initialDelayMs: 1_000, maxDelayMs: 60_000, maxUnknownAttempts: 5 };
const top = () => 1;
const bottom = () => 0;
const now = new Date('2026-01-01T00:00:00Z');

class Refused extends DomainError<'REFUSED'> {
  constructor() {
    super('REFUSED', 'refused', [], 'unprocessable');
  }
}

describe('retryDelayMs', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelayMs(attempts, policy, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(retryDelayMs(1_000, policy, top)).toBe(60_000);
  });

  it('jitters into the upper half of the step', () => {
    expect(retryDelayMs(3, policy, bottom)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(3, policy, top)).toBe(4_000);
  });

  it('has a default policy of 1 s doubling to 5 min, 5 unknown tries', () => {
    expect(DEFAULT_JOB_RETRY).toEqual({ initialDelayMs: 1_000, maxDelayMs: 300_000, maxUnknownAttempts: 5 });
    expect(retryDelayMs(20, DEFAULT_JOB_RETRY, top)).toBe(300_000);
  });
});

describe('outcomeOfFailure', () => {
  it('retries a transient failure however often it failed', () => {
    expect(outcomeOfFailure('transient', 1, now, policy, top)).toEqual({
      status: 'pending',
      retryAt: new Date('2026-01-01T00:00:01Z'),
    });
    expect(outcomeOfFailure('transient', 500, now, policy, top)).toEqual({
      status: 'pending',
      retryAt: new Date('2026-01-01T00:01:00Z'),
    });
  });

  it('marks a permanent failure failed at the first run', () => {
    expect(outcomeOfFailure('permanent', 1, now, policy, top)).toEqual({ status: 'failed' });
  });

  it('gives an unknown failure five runs', () => {
    expect([1, 2, 3, 4].map((attempts) => outcomeOfFailure('unknown', attempts, now, policy, top).status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(outcomeOfFailure('unknown', 5, now, policy, top)).toEqual({ status: 'failed' });
  });

  it('classifies what handlers throw as the event consumer does', () => {
    expect(failureKindOf(new TransientEventError('smtp down'))).toBe('transient');
    expect(failureKindOf(new ScheduleError('CLOCK_TIME_UNKNOWN', 'clock time not known yet', 'unavailable'))).toBe('transient');
    expect(failureKindOf(new Refused())).toBe('permanent');
    expect(failureKindOf(new TypeError('x is undefined'))).toBe('unknown');
  });
});
