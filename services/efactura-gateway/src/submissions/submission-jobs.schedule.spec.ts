import { MAX_POLL_WAIT_MS, pollWaitMs } from './submission-jobs.schedule';

describe('pollWaitMs', () => {
  it("doubles from the first wait and stays within ANAF's 100 polls per message per day", () => {
    expect([1, 2, 3, 4].map((poll) => pollWaitMs(poll, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(pollWaitMs(50, 10_000)).toBe(MAX_POLL_WAIT_MS);
    const firstDay = Array.from({ length: 100 }, (_, i) => pollWaitMs(i + 1, 10_000)).reduce((a, b) => a + b, 0);
    expect(firstDay).toBeGreaterThan(24 * 3600_000);
  });
});
