import { JobScheduler, UnitOfWorkRunner } from '@obolus/messaging';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { ViesClient } from '@obolus/vat';
import { randomUUID } from 'node:crypto';
import { BillingDetailsRepository } from '../billing-details/billing-details.repository';
import { BillingDetailsEntity } from '../billing-details/entities/billing-details.entity';
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
import { ProformaIssuer } from '../proformas/proforma-issuer';
import { ProformasRepository } from '../proformas/proformas.repository';
import { InMemoryProformas } from '../proformas/test-support/in-memory-proformas';
import { SellerRegistry } from '../sellers/seller-registry';
import { RecheckVatNumberCommand } from '../vat-numbers/use-cases/recheck-vat-number/recheck-vat-number.command';
import { RecheckVatNumberUseCase } from '../vat-numbers/use-cases/recheck-vat-number/recheck-vat-number.use-case';
import { InMemoryJobScheduler } from '../vat-numbers/test-support/in-memory-job-scheduler';
import { InMemoryVatNumberChecks } from '../vat-numbers/test-support/in-memory-vat-number-checks';
import { unreachableVies } from '../vat-numbers/test-support/vies-stand-ins';
import { VatNumberChecksRepository } from '../vat-numbers/vat-number-checks.repository';
import { VatNumberVerifier } from '../vat-numbers/vat-number-verifier';
import { VAT_RECHECK_JOB, VatRecheckPayload } from '../vat-numbers/vat-recheck-schedule';
import { RecordingUnitOfWorkRunner } from './recording-unit-of-work-runner';

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
  readonly vatChecks = new InMemoryVatNumberChecks();
  readonly jobs = new InMemoryJobScheduler();
  readonly accountClocks = new InMemoryAccountClocks(this.clock);
  readonly proformas = new InMemoryProformas();
  /** VIES as the specs need it: unreachable unless a spec points it at a sandbox (`useVies`). */
  private vies: ViesClient = unreachableVies(this.clock);

  readonly customersRepository = this.customers as unknown as CustomersRepository;
  readonly detailsRepository = this.billingDetails as unknown as BillingDetailsRepository;
  readonly invoicesRepository = this.invoices as unknown as InvoicesRepository;
  readonly scheduler = this.jobs as unknown as JobScheduler;
  readonly verifier = new VatNumberVerifier(
    { checkVatNumber: (...args: Parameters<ViesClient['checkVatNumber']>) => this.vies.checkVatNumber(...args) } as ViesClient,
    this.vatChecks as unknown as VatNumberChecksRepository,
    this.customersRepository,
    this.sellers,
    new RecordingUnitOfWorkRunner(this.clock) as unknown as UnitOfWorkRunner,
  );
  readonly saveBillingDetailsUseCase = new SaveBillingDetailsUseCase(
    this.detailsRepository,
    this.clock,
    this.verifier,
    this.scheduler,
    this.accountClocks,
  );
  readonly recheckVatNumberUseCase = new RecheckVatNumberUseCase(
    this.detailsRepository,
    this.verifier,
    this.scheduler,
    this.accountClocks,
  );

  readonly proformasRepository = this.proformas as unknown as ProformasRepository;
  readonly requestPaymentUseCase = new RequestPaymentUseCase(
    this.sellers,
    this.invoicesRepository,
    this.detailsRepository,
    this.customersRepository,
    this.accountClocks,
    new ProformaIssuer(
      this.sellers,
      this.invoicesRepository,
      this.proformasRepository,
      this.detailsRepository,
      this.customersRepository,
      new InvoicePdfRenderer(),
      this.scheduler,
    ),
  );
  readonly issueInvoiceUseCase = new IssueInvoiceUseCase(
    this.sellers,
    this.invoicesRepository,
    this.detailsRepository,
    this.customersRepository,
    new InvoicePdfRenderer(),
    new InMemoryAccountClocks(this.clock),
    this.proformasRepository,
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

  /** From now on VIES answers as `vies` does (a sandbox's client, or an unreachable one). */
  useVies(vies: ViesClient): void {
    this.vies = vies;
  }

  setBillingDetails(input: SaveBillingDetailsInput): Promise<BillingDetailsEntity> {
    return this.saveBillingDetailsUseCase.execute(SaveBillingDetailsCommand.create(input), this.uow);
  }

  /** Runs the VAT re-checks planned so far whose due instant has come on the world's clock, and says how many ran. */
  async runDueVatRechecks(): Promise<number> {
    const due = this.jobs.take(VAT_RECHECK_JOB);
    const now = this.clock.now().getTime();
    for (const job of due.filter((j) => j.dueAt.getTime() > now)) await this.jobs.schedule(this.uow, job);
    const runnable = due.filter((j) => j.dueAt.getTime() <= now);
    for (const job of runnable) {
      const payload = job.payload as VatRecheckPayload;
      await this.recheckVatNumberUseCase.execute(
        RecheckVatNumberCommand.create({ accountId: job.accountId, ...payload }),
        this.uow,
      );
    }
    return runnable.length;
  }

  requestPayment(accountId: string, input: Partial<RequestPaymentInput> = {}): Promise<void> {
    const command = RequestPaymentCommand.create({
      accountId,
      subscriptionId: randomUUID(),
      catalog: 'ro-crm',
      sellerEntity: input.catalog === 'fr-crm' ? 'obolus-fr' : 'obolus-ro',
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
