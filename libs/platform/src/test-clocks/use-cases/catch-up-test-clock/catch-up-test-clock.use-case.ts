import { Inject, Injectable } from '@nestjs/common';
import { TestClockCaughtUpV1, TestClockFollower } from '@obolus/contracts';
import { AccountClocks, ScheduledJobRunner, ScheduleError, UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { SERVICE_NAME } from '../../../tokens';
import { CatchUpTestClockCommand } from './catch-up-test-clock.command';

/**
 * A test clock was created or moved: this service sets its copy of the clock's time, runs every job
 * of the clock's accounts that fell due by then (in due order, each in its own unit of work, as the
 * runner always does), and reports `test-clock.caught-up` in the caller's unit of work.
 *
 * The time is set in a unit of work of its own, committed before the jobs run, because the runner's
 * units of work must see it; so this use case holds the consumer's connection while it opens others
 * (one at a time). Setting the same time again is harmless, and a time earlier than the one held (an
 * older event delivered late) leaves the clock where it is: the jobs are run and reported all the same.
 */
@Injectable()
export class CatchUpTestClockUseCase {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly work: UnitOfWorkRunner,
    private readonly clocks: AccountClocks,
    private readonly runner: ScheduledJobRunner,
  ) {}

  async execute(command: CatchUpTestClockCommand, uow: UnitOfWork): Promise<void> {
    await this.work.run(async (own) => {
      try {
        await this.clocks.advance(own, command.clockId, new Date(command.frozenTime));
      } catch (error) {
        if (!(error instanceof ScheduleError && error.code === 'CLOCK_BACKWARDS')) throw error;
      }
    });
    await this.runner.runDue({ clockId: command.clockId });
    await uow.emit(TestClockCaughtUpV1, {
      accountId: command.clockId,
      subject: command.clockId,
      data: {
        clockId: command.clockId,
        frozenTime: new Date(command.frozenTime).toISOString(),
        service: this.service as TestClockFollower,
      },
    });
  }
}
