import { SharedProbe } from './health.controller';

describe('SharedProbe', () => {
  function counting(): { run: () => Promise<number>; calls: () => number; settle: () => void } {
    let calls = 0;
    let release: (() => void) | undefined;
    return {
      run: () => {
        calls += 1;
        const call = calls;
        return new Promise<number>((resolve) => {
          release = () => resolve(call);
        });
      },
      calls: () => calls,
      settle: () => release?.(),
    };
  }

  it('runs one probe for callers that arrive while it runs, and gives each its answer', async () => {
    const probe = counting();
    let now = 0;
    const shared = new SharedProbe(probe.run, 1000, () => now);
    const answers = [shared.result(), shared.result(), shared.result()];
    probe.settle();
    expect(await Promise.all(answers)).toEqual([1, 1, 1]);
    expect(probe.calls()).toBe(1);
    now = 999;
    expect(await shared.result()).toBe(1);
    expect(probe.calls()).toBe(1);
  });

  it('probes again once the answer is older than the reuse window', async () => {
    const probe = counting();
    let now = 0;
    const shared = new SharedProbe(probe.run, 1000, () => now);
    const first = shared.result();
    probe.settle();
    await first;
    now = 1000;
    const second = shared.result();
    probe.settle();
    expect(await second).toBe(2);
    expect(probe.calls()).toBe(2);
  });
});
