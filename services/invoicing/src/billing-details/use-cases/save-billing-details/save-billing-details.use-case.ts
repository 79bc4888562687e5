import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { BillingDetailsRepository } from '../../billing-details.repository';
import { BillingDetailsEntity } from '../../entities/billing-details.entity';
import { billingDetailsRow } from '../../mappers/billing-details-row';
import { SaveBillingDetailsCommand } from './save-billing-details.command';

/** V1: billing details can be edited at any time; later invoices use the new ones, issued ones keep their copy. */
@Injectable()
export class SaveBillingDetailsUseCase {
  constructor(
    private readonly billingDetails: BillingDetailsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SaveBillingDetailsCommand, uow: UnitOfWork): Promise<BillingDetailsEntity> {
    const details = billingDetailsRow(command, this.clock.now());
    await this.billingDetails.save(uow, details);
    return details;
  }
}
