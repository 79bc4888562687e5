import { TestClockCaughtUpV1 } from '@obolus/contracts';
import { AccountClocks, ScheduledJobRunner, ScheduleError, UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { RecordingUnitOfWork } from '@obolus/testing';
import { CatchUpTestClockCommand } from './catch-up-test-clock.command';
import { CatchUpTestClockUseCase } from './catch-up-test-clock.use-case';

describe('CatchUpTestClockUseCase', () => {
  const clockId = '0f6d3b1e-6a43-4f3e-9b8e-1c2d3e4f5a6b';
  let steps: string[];
  let advance: (clockId: string, time: Date) => Promise<void>;
  let catchUp: CatchUpTestClockUseCase;

  beforeEach(() => {
    steps = [];
    advance = async (_clockId, time) => void steps.push(`advance ${time.toISOString()}`);
    const work = {
      run: async <T>(task: (uow: UnitOfWork) => Promise<T>) => {
        steps.push('own unit of work');
        const result = await task(new RecordingUnitOfWork());
        steps.push('committed');
        return result;
      },
    };
    const clocks = { advance: (_uow: UnitOfWork, id: string, time: Date) => advance(id, time) };
    const runner = {
      runDue: async (options: { clockId?: string }) => (steps.push(`run due on ${options.clockId}`), { done: 2, failed: 0 }),
    };
    catchUp = new CatchUpTestClockUseCase(
      'payments',
      work as unknown as UnitOfWorkRunner,
      clocks as unknown as AccountClocks,
      runner as unknown as ScheduledJobRunner,
    );
  });

  it("commits the clock's time first, then runs the clock's due jobs, then reports caught-up for that time", async () => {
    const uow = new RecordingUnitOfWork();
    await catchUp.execute(CatchUpTestClockCommand.create({ clockId, frozenTime: '2027-02-05T00:00:00+01:00' }), uow);
    expect(steps).toEqual(['own unit of work', 'advance 2027-02-04T23:00:00.000Z', 'committed', `run due on ${clockId}`]);
    expect(uow.dataOf(TestClockCaughtUpV1)).toEqual([{ clockId, frozenTime: '2027-02-04T23:00:00.000Z', service: 'payments' }]);
    expect(uow.emitted[0]?.accountid).toBe(clockId);
  });

  it('runs and reports all the same for an older time delivered late (the clock stays where it is)', async () => {
    advance = async () => {
      throw new ScheduleError('CLOCK_BACKWARDS', 'backwards', 'invalid');
    };
    const uow = new RecordingUnitOfWork();
    await catchUp.execute(CatchUpTestClockCommand.create({ clockId, frozenTime: '2026-01-01T00:00:00Z' }), uow);
    expect(steps).toContain(`run due on ${clockId}`);
    expect(uow.dataOf(TestClockCaughtUpV1)).toHaveLength(1);
  });

  it('reports nothing when the time cannot be set (a retryable failure reaches the consumer)', async () => {
    advance = async () => {
      throw new ScheduleError('CLOCK_TIME_UNKNOWN', 'down', 'unavailable');
    };
    const uow = new RecordingUnitOfWork();
    await expect(
      catchUp.execute(CatchUpTestClockCommand.create({ clockId, frozenTime: '2026-01-01T00:00:00Z' }), uow),
    ).rejects.toThrow(ScheduleError);
    expect(uow.emitted).toEqual([]);
    expect(steps).not.toContain(`run due on ${clockId}`);
  });

  it('refuses an event whose frozen time is not an instant, naming the field', () => {
    expect(() => CatchUpTestClockCommand.create({ clockId, frozenTime: 'tomorrow' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'frozenTime' })] }),
    );
  });
});
