import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PaymentsRepository } from '../../payments.repository';
import { RecordAccountProfileCommand } from './record-account-profile.command';

/** account.created: payments keeps the account's country (once; a redelivery changes nothing). */
@Injectable()
export class RecordAccountProfileUseCase {
  constructor(private readonly payments: PaymentsRepository) {}

  async execute(command: RecordAccountProfileCommand, uow: UnitOfWork): Promise<void> {
    await this.payments.saveAccountProfile(uow, {
      accountId: command.accountId,
      country: command.country,
      createdAt: new Date(command.createdAt),
    });
  }
}
