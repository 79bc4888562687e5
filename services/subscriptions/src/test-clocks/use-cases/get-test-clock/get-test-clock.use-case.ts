import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { TestClockView, viewOf } from '../../test-clock';
import { SubscriptionsError } from '../../../subscriptions/subscriptions.errors';
import { TestClocksRepository } from '../../test-clocks.repository';
import { GetTestClockCommand } from './get-test-clock.command';

/** A test clock: `ready` once every service has reported that it ran the work due by its frozen time. */
@Injectable()
export class GetTestClockUseCase {
  constructor(private readonly clocks: TestClocksRepository) {}

  async execute(command: GetTestClockCommand, uow: UnitOfWork): Promise<TestClockView> {
    const testClock = await this.clocks.find(uow, command.clockId);
    if (!testClock) throw SubscriptionsError.testClockNotFound();
    return viewOf(testClock, await this.clocks.reports(uow, testClock.id));
  }
}
