import { Injectable } from '@nestjs/common';
import { TestClockCreatedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { TestClockView, viewOf } from '../../test-clock';
import { TestClocksRepository } from '../../test-clocks.repository';
import { CreateTestClockCommand } from './create-test-clock.command';

/**
 * Creates a test clock and announces it, so every service learns its time. It is `advancing` until
 * every service has reported that it knows the time.
 */
@Injectable()
export class CreateTestClockUseCase {
  constructor(
    private readonly clocks: TestClocksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateTestClockCommand, uow: UnitOfWork): Promise<TestClockView> {
    const now = this.clock.now();
    const testClock = {
      id: randomUUID(),
      name: command.name,
      frozenTime: new Date(command.frozenTime),
      createdAt: now,
      updatedAt: now,
    };
    await this.clocks.insert(uow, testClock);
    await uow.emit(TestClockCreatedV1, {
      accountId: testClock.id,
      subject: testClock.id,
      data: {
        clockId: testClock.id,
        name: testClock.name,
        frozenTime: testClock.frozenTime.toISOString(),
        createdAt: now.toISOString(),
      },
    });
    return viewOf(testClock, new Map());
  }
}
