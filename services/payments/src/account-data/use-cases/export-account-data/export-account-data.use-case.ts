import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountExportPart, jsonExportFile, toExportPart } from '@obolus/platform';
import { AccountDataRepository } from '../../account-data.repository';
import { ExportAccountDataCommand } from './export-account-data.command';
import { masked } from './masking';

/**
 * Payments' part of the export: payments, bank transfers, refunds and the payment method, masked. Obolus never holds card
 * numbers; the provider's references to the customer, the method and each charge show their last four
 * characters only, enough to match them with a statement and useless to anyone else.
 */
@Injectable()
export class ExportAccountDataUseCase {
  constructor(private readonly accountData: AccountDataRepository) {}

  async execute(command: ExportAccountDataCommand, uow: UnitOfWork): Promise<AccountExportPart> {
    const { accountId } = command;
    const customers = await this.accountData.customer(uow, accountId);
    const methods = customers
      .filter((customer) => customer.default_payment_method_id)
      .map((customer) => ({
        kind: customer.default_payment_method_type ?? null,
        reference: masked(customer, ['default_payment_method_id']).default_payment_method_id,
        default: true,
        updatedAt: customer.updated_at,
      }));
    return toExportPart([
      jsonExportFile(
        'customer.json',
        customers.map((customer) => masked(customer, ['provider_customer_id', 'default_payment_method_id'])),
      ),
      jsonExportFile('payment-methods.json', methods),
      jsonExportFile(
        'payments.json',
        (await this.accountData.payments(uow, accountId)).map((payment) =>
          masked(payment, ['provider_payment_id', 'provider_order_id', 'approve_url']),
        ),
      ),
      jsonExportFile('bank-transfers.json', await this.accountData.bankTransfers(uow, accountId)),
      jsonExportFile(
        'refunds.json',
        (await this.accountData.refunds(uow, accountId)).map((refund) => masked(refund, ['provider_refund_id'])),
      ),
    ]);
  }
}
