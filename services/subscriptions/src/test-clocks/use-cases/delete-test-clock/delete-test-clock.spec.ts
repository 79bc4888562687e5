import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { TestClocksRepository } from '../../test-clocks.repository';
import { SubscriptionsErrorCode } from '../../../subscriptions/subscriptions.errors';
import { InMemoryTestClocks } from '../../test-support/in-memory-test-clocks';
import { DeleteTestClockCommand } from './delete-test-clock.command';
import { DeleteTestClockUseCase } from './delete-test-clock.use-case';

describe('DeleteTestClockUseCase', () => {
  it('deletes a clock and its reports, then answers not found for it', async () => {
    const clocks = new InMemoryTestClocks();
    const remove = new DeleteTestClockUseCase(clocks as unknown as TestClocksRepository);
    const uow = new RecordingUnitOfWork();
    const id = randomUUID();
    const time = new Date('2026-01-01T00:00:00Z');
    await clocks.insert(uow, { id, name: 'c', frozenTime: time, createdAt: time, updatedAt: time });
    await clocks.recordReport(uow, { clockId: id, service: 'payments', frozenTime: time });
    await remove.execute(DeleteTestClockCommand.create({ clockId: id }), uow);
    expect(clocks.clocks.size).toBe(0);
    expect(clocks.reportsOf.size).toBe(0);
    await expect(remove.execute(DeleteTestClockCommand.create({ clockId: id }), uow)).rejects.toMatchObject({
      code: SubscriptionsErrorCode.TestClockNotFound,
    });
    expect(uow.emitted).toEqual([]);
  });
});
