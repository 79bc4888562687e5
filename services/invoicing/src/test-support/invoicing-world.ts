import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { BillingDetailsRepository } from '../billing-details/billing-details.repository';
import { InMemoryBillingDetails } from '../billing-details/test-support/in-memory-billing-details';
import {
  SaveBillingDetailsCommand,
  SaveBillingDetailsInput,
} from '../billing-details/use-cases/save-billing-details/save-billing-details.command';
import { SaveBillingDetailsUseCase } from '../billing-details/use-cases/save-billing-details/save-billing-details.use-case';
import { CustomersRepository } from '../customers/customers.repository';
import { InMemoryCustomers } from '../customers/test-support/in-memory-customers';
import { RecordCustomerCommand, RecordCustomerInput } from '../customers/use-cases/record-customer/record-customer.command';
import { RecordCustomerUseCase } from '../customers/use-cases/record-customer/record-customer.use-case';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { InvoicePdfRenderer } from '../invoices/pdf/invoice-pdf-renderer';
import { InMemoryInvoices } from '../invoices/test-support/in-memory-invoices';
import { IssueInvoiceCommand, IssueInvoiceInput } from '../invoices/use-cases/issue-invoice/issue-invoice.command';
import { IssueInvoiceUseCase } from '../invoices/use-cases/issue-invoice/issue-invoice.use-case';
import { RequestPaymentCommand, RequestPaymentInput } from '../invoices/use-cases/request-payment/request-payment.command';
import { RequestPaymentUseCase } from '../invoices/use-cases/request-payment/request-payment.use-case';
import { SellerRegistry } from '../sellers/seller-registry';

/**
 * The invoicing service over in-memory tables, for use-case specs: the three events it consumes and the
 * billing details a customer sets, each as one call, with every emitted event in `uow`.
 */
export class InvoicingWorld {
  readonly clock = new SettableClock(new Date('2026-11-22T10:00:00.000Z'));
  readonly uow = new RecordingUnitOfWork(this.clock);
  readonly customers = new InMemoryCustomers();
  readonly billingDetails = new InMemoryBillingDetails();
  readonly invoices = new InMemoryInvoices();
  readonly sellers = new SellerRegistry();

  readonly customersRepository = this.customers as unknown as CustomersRepository;
  readonly detailsRepository = this.billingDetails as unknown as BillingDetailsRepository;
  readonly invoicesRepository = this.invoices as unknown as InvoicesRepository;

  readonly requestPaymentUseCase = new RequestPaymentUseCase(
    this.sellers,
    this.invoicesRepository,
    this.detailsRepository,
    this.customersRepository,
    new InMemoryAccountClocks(this.clock),
  );
  readonly issueInvoiceUseCase = new IssueInvoiceUseCase(
    this.sellers,
    this.invoicesRepository,
    this.detailsRepository,
    this.customersRepository,
    new InvoicePdfRenderer(),
    new InMemoryAccountClocks(this.clock),
  );

  /** An account signs up; answers its id. */
  async signUp(input: Partial<RecordCustomerInput> = {}): Promise<string> {
    const command = RecordCustomerCommand.create({
      accountId: randomUUID(),
      companyName: 'Firma Popescu SRL',
      ownerEmail: 'ana@popescu.ro',
      country: 'RO',
      catalog: 'ro-crm',
      locale: 'ro',
      createdAt: '2026-11-01T09:00:00.000Z',
      ...input,
    });
    await new RecordCustomerUseCase(this.customersRepository).execute(command, this.uow);
    return command.accountId;
  }

  async setBillingDetails(input: SaveBillingDetailsInput): Promise<void> {
    await new SaveBillingDetailsUseCase(this.detailsRepository, this.clock).execute(
      SaveBillingDetailsCommand.create(input),
      this.uow,
    );
  }

  requestPayment(accountId: string, input: Partial<RequestPaymentInput> = {}): Promise<void> {
    const command = RequestPaymentCommand.create({
      accountId,
      subscriptionId: randomUUID(),
      catalog: 'ro-crm',
      currency: 'RON',
      paymentMethod: 'card',
      lines: [{ code: 'premium', description: 'Premium (prepaid-1), 2 utilizatori', quantity: 2, unitPriceMinor: 4900 }],
      activatedAt: '2026-11-22T09:00:00.000Z',
      eventId: randomUUID(),
      ...input,
    });
    return this.requestPaymentUseCase.execute(command, this.uow);
  }

  /** A payment of exactly what the draft asks, unless told otherwise. */
  payment(draftId: string, input: Partial<IssueInvoiceInput> = {}): IssueInvoiceCommand {
    const draft = this.invoices.drafts.get(draftId)!;
    return IssueInvoiceCommand.create({
      accountId: draft.accountId,
      paymentId: randomUUID(),
      draftId,
      amountMinor: draft.totals.grossMinor,
      currency: draft.currency,
      providerPaymentId: 'pi_123',
      paymentMethod: 'card',
      succeededAt: '2026-11-22T10:00:00.000Z',
      ...input,
    });
  }

  issueInvoice(command: IssueInvoiceCommand): Promise<void> {
    return this.issueInvoiceUseCase.execute(command, this.uow);
  }

  /** The drafts of an account, in the order they were made. */
  draftsOf(accountId: string) {
    return [...this.invoices.drafts.values()].filter((d) => d.accountId === accountId);
  }
}
