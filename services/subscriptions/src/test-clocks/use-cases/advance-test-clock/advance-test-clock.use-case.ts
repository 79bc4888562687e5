import { Injectable } from '@nestjs/common';
import { TestClockAdvancedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { TestClockView, viewOf } from '../../test-clock';
import { SubscriptionsError } from '../../../subscriptions/subscriptions.errors';
import { TestClocksRepository } from '../../test-clocks.repository';
import { AdvanceTestClockCommand } from './advance-test-clock.command';

/**
 * Moves a test clock forward and announces it: every service then runs the work due on the clock's
 * accounts and reports back. The clock is `advancing` until all have reported for the new time.
 * Moving it backwards is refused; moving it to the time it stands at announces it again (harmless).
 */
@Injectable()
export class AdvanceTestClockUseCase {
  constructor(
    private readonly clocks: TestClocksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AdvanceTestClockCommand, uow: UnitOfWork): Promise<TestClockView> {
    const testClock = await this.clocks.find(uow, command.clockId, true);
    if (!testClock) throw SubscriptionsError.testClockNotFound();
    const frozenTime = new Date(command.frozenTime);
    if (frozenTime.getTime() < testClock.frozenTime.getTime())
      throw SubscriptionsError.testClockBackwards(testClock.frozenTime, frozenTime);
    const now = this.clock.now();
    await this.clocks.moveTo(uow, testClock.id, frozenTime, now);
    await uow.emit(TestClockAdvancedV1, {
      accountId: testClock.id,
      subject: testClock.id,
      data: {
        clockId: testClock.id,
        frozenTime: frozenTime.toISOString(),
        previousFrozenTime: testClock.frozenTime.toISOString(),
        advancedAt: now.toISOString(),
      },
    });
    return viewOf({ ...testClock, frozenTime, updatedAt: now }, await this.clocks.reports(uow, testClock.id));
  }
}
