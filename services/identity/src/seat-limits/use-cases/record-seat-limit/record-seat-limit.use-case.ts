import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { SeatLimitsRepository } from '../../seat-limits.repository';
import { RecordSeatLimitCommand } from './record-seat-limit.command';

/**
 * Keeps the account's seat limit from subscription.changed, which carries the subscription's whole
 * state: only a newer version replaces the stored one, so a late or repeated event changes nothing.
 */
@Injectable()
export class RecordSeatLimitUseCase {
  constructor(private readonly seatLimits: SeatLimitsRepository) {}

  async execute(command: RecordSeatLimitCommand, uow: UnitOfWork): Promise<void> {
    await this.seatLimits.record(uow, {
      accountId: command.accountId,
      maxSeats: command.maxSeats,
      edition: command.edition,
      version: command.version,
      updatedAt: new Date(command.changedAt),
    });
  }
}
