import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { RefundsRepository } from '../../refunds.repository';
import { RefundView, viewOf } from '../refund-payment/refund-payment.use-case';
import { ListRefundsCommand } from './list-refunds.command';

/** The account's latest refunds (at most 100), newest first, without their idempotency keys. */
@Injectable()
export class ListRefundsUseCase {
  constructor(private readonly refunds: RefundsRepository) {}

  async execute(command: ListRefundsCommand, uow: UnitOfWork): Promise<RefundView[]> {
    return (await this.refunds.listRefunds(uow, command.accountId)).map(viewOf);
  }
}
