import { Injectable } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { AssignAccountClockCommand } from './assign-account-clock.command';

/** An account created on a test clock lives on it here too: its jobs are due by that clock's time. */
@Injectable()
export class AssignAccountClockUseCase {
  constructor(private readonly clocks: AccountClocks) {}

  async execute(command: AssignAccountClockCommand, uow: UnitOfWork): Promise<void> {
    if (!command.testClockId) return;
    await this.clocks.assign(uow, command.accountId, command.testClockId);
  }
}
