import { TEST_CLOCK_FOLLOWERS, TestClockAdvancedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { TestClocksRepository } from '../../test-clocks.repository';
import { SubscriptionsErrorCode } from '../../../subscriptions/subscriptions.errors';
import { InMemoryTestClocks } from '../../test-support/in-memory-test-clocks';
import { AdvanceTestClockCommand } from './advance-test-clock.command';
import { AdvanceTestClockUseCase } from './advance-test-clock.use-case';

describe('AdvanceTestClockUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  const start = new Date('2026-01-01T00:00:00Z');
  let clocks: InMemoryTestClocks;
  let advance: AdvanceTestClockUseCase;
  let clockId: string;

  beforeEach(async () => {
    clocks = new InMemoryTestClocks();
    advance = new AdvanceTestClockUseCase(clocks as unknown as TestClocksRepository, clock);
    clockId = randomUUID();
    await clocks.insert(new RecordingUnitOfWork(), {
      id: clockId,
      name: 'c',
      frozenTime: start,
      createdAt: start,
      updatedAt: start,
    });
    for (const service of TEST_CLOCK_FOLLOWERS)
      await clocks.recordReport(new RecordingUnitOfWork(), { clockId, service, frozenTime: start });
  });

  it('moves the clock 400 days forward, announces the move, and is advancing until the services report again', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const view = await advance.execute(AdvanceTestClockCommand.create({ clockId, frozenTime: '2027-02-05T00:00:00Z' }), uow);
    expect(view).toMatchObject({ id: clockId, frozenTime: '2027-02-05T00:00:00.000Z', status: 'advancing' });
    expect(uow.dataOf(TestClockAdvancedV1)).toEqual([
      {
        clockId,
        frozenTime: '2027-02-05T00:00:00.000Z',
        previousFrozenTime: '2026-01-01T00:00:00.000Z',
        advancedAt: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('refuses to move the clock backwards with 400 naming frozenTime, and announces nothing', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await expect(
      advance.execute(AdvanceTestClockCommand.create({ clockId, frozenTime: '2025-12-31T23:59:59Z' }), uow),
    ).rejects.toMatchObject({
      code: SubscriptionsErrorCode.TestClockBackwards,
      kind: 'invalid',
      fields: [expect.objectContaining({ field: 'frozenTime' })],
    });
    expect(uow.emitted).toEqual([]);
    expect(clocks.clocks.get(clockId)?.frozenTime).toEqual(start);
  });

  it('answers not found for a clock that does not exist', async () => {
    await expect(
      advance.execute(
        AdvanceTestClockCommand.create({ clockId: randomUUID(), frozenTime: '2027-01-01T00:00:00Z' }),
        new RecordingUnitOfWork(),
      ),
    ).rejects.toMatchObject({ code: SubscriptionsErrorCode.TestClockNotFound, kind: 'not-found' });
  });
});
