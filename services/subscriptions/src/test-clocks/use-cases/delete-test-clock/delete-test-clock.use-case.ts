import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { SubscriptionsError } from '../../../subscriptions/subscriptions.errors';
import { TestClocksRepository } from '../../test-clocks.repository';
import { DeleteTestClockCommand } from './delete-test-clock.command';

/**
 * Deletes a test clock here (it answers 404 from then on, and reports on it are dropped). The other
 * services are not told: their copy of the clock's time stays, and its accounts stay on it, frozen.
 */
@Injectable()
export class DeleteTestClockUseCase {
  constructor(private readonly clocks: TestClocksRepository) {}

  async execute(command: DeleteTestClockCommand, uow: UnitOfWork): Promise<void> {
    if (!(await this.clocks.delete(uow, command.clockId))) throw SubscriptionsError.testClockNotFound();
  }
}
