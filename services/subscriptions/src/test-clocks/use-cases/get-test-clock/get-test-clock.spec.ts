import { TEST_CLOCK_FOLLOWERS } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { TestClocksRepository } from '../../test-clocks.repository';
import { SubscriptionsErrorCode } from '../../../subscriptions/subscriptions.errors';
import { InMemoryTestClocks } from '../../test-support/in-memory-test-clocks';
import { RecordTestClockReportCommand } from '../record-test-clock-report/record-test-clock-report.command';
import { RecordTestClockReportUseCase } from '../record-test-clock-report/record-test-clock-report.use-case';
import { GetTestClockCommand } from './get-test-clock.command';
import { GetTestClockUseCase } from './get-test-clock.use-case';
import { SettableClock } from '@obolus/testing';

describe('GetTestClockUseCase, with the reports RecordTestClockReportUseCase keeps', () => {
  const time = new Date('2026-06-01T00:00:00Z');
  let clocks: InMemoryTestClocks;
  let get: GetTestClockUseCase;
  let record: RecordTestClockReportUseCase;
  let clockId: string;
  const uow = new RecordingUnitOfWork();
  const report = (service: (typeof TEST_CLOCK_FOLLOWERS)[number], frozenTime = time.toISOString()) =>
    record.execute(RecordTestClockReportCommand.create({ clockId, service, frozenTime }), uow);

  beforeEach(async () => {
    clocks = new InMemoryTestClocks();
    get = new GetTestClockUseCase(clocks as unknown as TestClocksRepository);
    record = new RecordTestClockReportUseCase(clocks as unknown as TestClocksRepository, new SettableClock());
    clockId = randomUUID();
    await clocks.insert(uow, { id: clockId, name: 'c', frozenTime: time, createdAt: time, updatedAt: time });
  });

  it('is advancing until all six services have reported for its frozen time, then ready', async () => {
    for (const service of TEST_CLOCK_FOLLOWERS.slice(0, 5)) await report(service);
    expect((await get.execute(GetTestClockCommand.create({ clockId }), uow)).status).toBe('advancing');
    await report('notifications');
    expect(await get.execute(GetTestClockCommand.create({ clockId }), uow)).toEqual({
      id: clockId,
      name: 'c',
      frozenTime: '2026-06-01T00:00:00.000Z',
      status: 'ready',
    });
  });

  it('does not count a report for an earlier frozen time, nor let a late one undo a newer one', async () => {
    for (const service of TEST_CLOCK_FOLLOWERS) await report(service);
    await report('payments', '2026-05-01T00:00:00.000Z');
    expect((await get.execute(GetTestClockCommand.create({ clockId }), uow)).status).toBe('ready');
    await clocks.moveTo(uow, clockId, new Date('2026-07-01T00:00:00Z'), time);
    expect((await get.execute(GetTestClockCommand.create({ clockId }), uow)).status).toBe('advancing');
  });

  it('answers not found for an unknown clock, and refuses an id that is not a UUID', async () => {
    await expect(get.execute(GetTestClockCommand.create({ clockId: randomUUID() }), uow)).rejects.toMatchObject({
      code: SubscriptionsErrorCode.TestClockNotFound,
    });
    expect(() => GetTestClockCommand.create({ clockId: 'x' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'clockId' })] }),
    );
  });
});
