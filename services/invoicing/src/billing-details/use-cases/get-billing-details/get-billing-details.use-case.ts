import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { BillingDetailsRepository } from '../../billing-details.repository';
import { BillingDetailsEntity } from '../../entities/billing-details.entity';
import { GetBillingDetailsCommand } from './get-billing-details.command';

/** The account's billing details as last saved, or 404 before the first save. */
@Injectable()
export class GetBillingDetailsUseCase {
  constructor(private readonly billingDetails: BillingDetailsRepository) {}

  async execute(command: GetBillingDetailsCommand, uow: UnitOfWork): Promise<BillingDetailsEntity> {
    const details = await this.billingDetails.findByAccount(uow, command.accountId);
    if (!details) throw InvoicingError.billingDetailsNotFound();
    return details;
  }
}
