import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PaymentEntity } from '../../entities/payment.entity';
import { PaymentsRepository } from '../../payments.repository';
import { ListPaymentsCommand } from './list-payments.command';

/** The account's latest payments (at most 100), newest first. */
@Injectable()
export class ListPaymentsUseCase {
  constructor(private readonly payments: PaymentsRepository) {}

  execute(command: ListPaymentsCommand, uow: UnitOfWork): Promise<PaymentEntity[]> {
    return this.payments.listPayments(uow, command.accountId);
  }
}
