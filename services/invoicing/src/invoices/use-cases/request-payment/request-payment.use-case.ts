import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { InvoicePaymentRequestedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { BillingDetailsRepository } from '../../../billing-details/billing-details.repository';
import { CustomersRepository } from '../../../customers/customers.repository';
import { ProformaIssuer } from '../../../proformas/proforma-issuer';
import { SellerRegistry } from '../../../sellers/seller-registry';
import { InvoicesRepository } from '../../invoices.repository';
import { activationToDraft, defaultLocaleOf, DraftParties, paymentRequestOf } from '../../mappers/activation-to-draft';
import { buyerParty } from '../../mappers/buyer-party';
import { vatIdVerified } from '../../mappers/vat-id-verified';
import { RequestPaymentCommand } from './request-payment.command';

/**
 * A subscription's period is due: price it with the VAT of the buyer's case on today's tax point,
 * keep it as a draft, and ask for the payment. The fiscal invoice and its number come after it (I1); a
 * bank transfer is asked for with a proforma (I4).
 */
@Injectable()
export class RequestPaymentUseCase {
  constructor(
    private readonly sellers: SellerRegistry,
    private readonly invoices: InvoicesRepository,
    private readonly billingDetails: BillingDetailsRepository,
    private readonly customers: CustomersRepository,
    private readonly clocks: AccountClocks,
    private readonly proformas: ProformaIssuer,
  ) {}

  async execute(command: RequestPaymentCommand, uow: UnitOfWork): Promise<void> {
    const parties = await this.partiesOf(command, uow);
    const createdAt = await this.clocks.timeOfEffect(uow, command.accountId, new Date(command.activatedAt));
    const draft = activationToDraft(command, parties, randomUUID(), createdAt);
    const inserted = await this.invoices.insertDraft(uow, draft);
    if (!inserted) return;
    // A bank transfer is asked for with a proforma, whose reference payments matches on statements (I4).
    const proforma = command.paymentMethod === 'bank_transfer' ? await this.proformas.issue(uow, draft) : undefined;
    await uow.emit(InvoicePaymentRequestedV1, {
      accountId: draft.accountId,
      subject: draft.id,
      data: { ...paymentRequestOf(draft, command), ...(proforma ? { transferReference: proforma.reference } : {}) },
    });
  }

  /**
   * Who sells (the catalog's entity), who buys (billing details, else the sign-up), in which language, on
   * which day, and whether VIES has verified the buyer's VAT number (until then, VAT is charged: V3).
   */
  private async partiesOf(command: RequestPaymentCommand, uow: UnitOfWork): Promise<DraftParties> {
    const seller = this.sellers.get(command.sellerEntity);
    const [details, customer] = await Promise.all([
      this.billingDetails.findByAccount(uow, command.accountId),
      this.customers.findByAccount(uow, command.accountId),
    ]);
    return {
      seller,
      buyer: buyerParty(details, customer, seller.address.country),
      locale: customer?.locale ?? defaultLocaleOf(command.catalog),
      taxPointDate: calendarDateInZone(command.activatedAt, seller.timeZone),
      // As the details stand when the period is priced: a check that succeeds later counts from the next one.
      vatIdVerified: vatIdVerified(details, seller.address.country),
    };
  }
}
