import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, SERVICE_KEYS } from '@obolus/auth';
import { Clock, ServiceModule } from '@obolus/platform';
import { viesApiBaseUrl, ViesClient } from '@obolus/vat';
import { Logger } from 'pino';
import { BillingDetailsController } from './billing-details/billing-details.controller';
import { BillingDetailsRepository } from './billing-details/billing-details.repository';
import { BillingDetailsEntity } from './billing-details/entities/billing-details.entity';
import { GetBillingDetailsUseCase } from './billing-details/use-cases/get-billing-details/get-billing-details.use-case';
import { SaveBillingDetailsUseCase } from './billing-details/use-cases/save-billing-details/save-billing-details.use-case';
import { CustomersConsumer } from './customers/customers.consumer';
import { CustomersRepository } from './customers/customers.repository';
import { CustomerEntity } from './customers/entities/customer.entity';
import { RecordCustomerUseCase } from './customers/use-cases/record-customer/record-customer.use-case';
import { InvoicingInitial1732233600400 } from './database/migrations/1732233600400-invoicing-initial';
import { InvoicingVatChecks1796688000400 } from './database/migrations/1796688000400-invoicing-vat-checks';
import { AccountRetention1797000000040 } from './database/migrations/1797000000040-account-retention';
import { CreditNotes1796688000410 } from './database/migrations/1796688000410-credit-notes';
import { Proformas1796688000420 } from './database/migrations/1796688000420-proformas';
import { ProformaEntity } from './proformas/entities/proforma.entity';
import { ProformaIssuer } from './proformas/proforma-issuer';
import { ProformasJobs } from './proformas/proformas-jobs';
import { RemindUnpaidProformaUseCase } from './proformas/use-cases/remind-unpaid-proforma/remind-unpaid-proforma.use-case';
import { InternalProformasController, ProformasController } from './proformas/proformas.controller';
import { ProformasRepository } from './proformas/proformas.repository';
import { GetProformaPdfUseCase } from './proformas/use-cases/get-proforma-pdf/get-proforma-pdf.use-case';
import { ListProformasUseCase } from './proformas/use-cases/list-proformas/list-proformas.use-case';
import { CreditNoteIssuer } from './credit-notes/credit-note-issuer';
import { CreditNotesConsumer } from './credit-notes/credit-notes.consumer';
import {
  CreditNotesController,
  InternalCreditNotesController,
  StaffCreditNotesController,
} from './credit-notes/credit-notes.controller';
import { CreditNotesRepository } from './credit-notes/credit-notes.repository';
import { CreditNoteEntity } from './credit-notes/entities/credit-note.entity';
import { CorrectInvoiceUseCase } from './credit-notes/use-cases/correct-invoice/correct-invoice.use-case';
import { GetCreditNotePdfUseCase } from './credit-notes/use-cases/get-credit-note-pdf/get-credit-note-pdf.use-case';
import { IssueRefundCreditNoteUseCase } from './credit-notes/use-cases/issue-refund-credit-note/issue-refund-credit-note.use-case';
import { ListCreditNotesUseCase } from './credit-notes/use-cases/list-credit-notes/list-credit-notes.use-case';
import { DraftEntity } from './invoices/entities/draft.entity';
import { InvoiceEntity } from './invoices/entities/invoice.entity';
import { InternalInvoicesController } from './invoices/internal-invoices.controller';
import { InvoicesConsumer } from './invoices/invoices.consumer';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesRepository } from './invoices/invoices.repository';
import { InvoicePdfRenderer } from './invoices/pdf/invoice-pdf-renderer';
import { GetInvoicePdfUseCase } from './invoices/use-cases/get-invoice-pdf/get-invoice-pdf.use-case';
import { GetInvoiceUseCase } from './invoices/use-cases/get-invoice/get-invoice.use-case';
import { IssueInvoiceUseCase } from './invoices/use-cases/issue-invoice/issue-invoice.use-case';
import { ListInvoicesUseCase } from './invoices/use-cases/list-invoices/list-invoices.use-case';
import { RequestPaymentUseCase } from './invoices/use-cases/request-payment/request-payment.use-case';
import { InvoicingConfig } from './invoicing.config';
import { EfacturaDocuments, GatewayEfacturaDocuments } from './efactura-documents/efactura-documents';
import { EfacturaDocumentsController } from './efactura-documents/efactura-documents.controller';
import { GetDocumentXmlUseCase } from './efactura-documents/use-cases/get-document-xml/get-document-xml.use-case';
import { SellerRegistry } from './sellers/seller-registry';
import { VatNumberCheckEntity } from './vat-numbers/entities/vat-number-check.entity';
import { RecheckVatNumberUseCase } from './vat-numbers/use-cases/recheck-vat-number/recheck-vat-number.use-case';
import { VatNumberChecksRepository } from './vat-numbers/vat-number-checks.repository';
import { VatNumberVerifier } from './vat-numbers/vat-number-verifier';
import { VatNumbersJobs } from './vat-numbers/vat-numbers-jobs';
import { AccountDataRepository } from './account-data/account-data.repository';
import { AccountLifecycleConsumer } from './account-data/account-lifecycle.consumer';
import { InternalAccountDataController } from './account-data/internal-account-data.controller';
import { ExportAccountDataUseCase } from './account-data/use-cases/export-account-data/export-account-data.use-case';
import { PurgeAccountDataUseCase } from './account-data/use-cases/purge-account-data/purge-account-data.use-case';
import { StopAccountBillingUseCase } from './account-data/use-cases/stop-account-billing/stop-account-billing.use-case';
import { OperationsModule } from '@obolus/operations';

@Module({})
export class InvoicingModule {
  static forRoot(config: InvoicingConfig, logger: Logger): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [
        ServiceModule.forRoot({
          service: 'invoicing',
          config,
          logger,
          entities: [
            CustomerEntity,
            BillingDetailsEntity,
            DraftEntity,
            InvoiceEntity,
            VatNumberCheckEntity,
            CreditNoteEntity,
            ProformaEntity,
          ],
          migrations: [
            InvoicingInitial1732233600400,
            InvoicingVatChecks1796688000400,
            CreditNotes1796688000410,
            Proformas1796688000420,
            AccountRetention1797000000040,
          ],
        }),
        AuthModule.forService({ service: 'invoicing', config }),
        OperationsModule,
      ],
      controllers: [
        InternalAccountDataController,
        AccountLifecycleConsumer,
        BillingDetailsController,
        InvoicesController,
        InternalInvoicesController,
        CustomersConsumer,
        InvoicesConsumer,
        CreditNotesController,
        StaffCreditNotesController,
        InternalCreditNotesController,
        CreditNotesConsumer,
        ProformasController,
        InternalProformasController,
        EfacturaDocumentsController,
      ],
      providers: [
        AccountDataRepository,
        ExportAccountDataUseCase,
        StopAccountBillingUseCase,
        PurgeAccountDataUseCase,
        { provide: SERVICE_KEYS, useValue: config.INTERNAL_API_KEYS },
        { provide: EfacturaDocuments, useValue: new GatewayEfacturaDocuments(config.EFACTURA_GATEWAY_URL) },
        GetDocumentXmlUseCase,
        SellerRegistry,
        InvoicePdfRenderer,
        {
          // One client for the process, so its circuit breaker sees every call; two attempts keep a save quick.
          provide: ViesClient,
          inject: [Clock],
          useFactory: (clock: Clock) =>
            new ViesClient({
              baseUrl: viesApiBaseUrl(config.VIES_URL),
              timeoutMs: config.VIES_TIMEOUT_MS,
              maxAttempts: 2,
              now: () => clock.now(),
            }),
        },
        VatNumberChecksRepository,
        VatNumberVerifier,
        RecheckVatNumberUseCase,
        VatNumbersJobs,
        BillingDetailsRepository,
        CustomersRepository,
        InvoicesRepository,
        GetBillingDetailsUseCase,
        SaveBillingDetailsUseCase,
        RecordCustomerUseCase,
        RequestPaymentUseCase,
        IssueInvoiceUseCase,
        ListInvoicesUseCase,
        GetInvoiceUseCase,
        GetInvoicePdfUseCase,
        CreditNotesRepository,
        CreditNoteIssuer,
        IssueRefundCreditNoteUseCase,
        CorrectInvoiceUseCase,
        ListCreditNotesUseCase,
        GetCreditNotePdfUseCase,
        ProformasRepository,
        ProformaIssuer,
        ListProformasUseCase,
        GetProformaPdfUseCase,
        RemindUnpaidProformaUseCase,
        ProformasJobs,
      ],
    };
  }
}
