import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { TestClocksRepository } from '../../test-clocks.repository';
import { RecordTestClockReportCommand } from './record-test-clock-report.command';

/** Keeps the latest frozen time each service caught up to; a report on a deleted clock is dropped. */
@Injectable()
export class RecordTestClockReportUseCase {
  constructor(
    private readonly clocks: TestClocksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordTestClockReportCommand, uow: UnitOfWork): Promise<void> {
    await this.clocks.recordReport(uow, {
      clockId: command.clockId,
      service: command.service,
      frozenTime: new Date(command.frozenTime),
      at: this.clock.now(),
    });
  }
}
