import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, SERVICE_KEYS } from '@obolus/auth';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { BillingDetailsController } from './billing-details/billing-details.controller';
import { BillingDetailsEntity } from './billing-details/billing-details.entity';
import { CustomerEntity } from './customers/customer.entity';
import { RecordCustomerUseCase } from './customers/use-cases/record-customer/record-customer.use-case';
import { InvoicingInitial1732233600400 } from './database/migrations/1732233600400-invoicing-initial';
import { DraftEntity } from './invoices/entities/draft.entity';
import { InvoiceEntity } from './invoices/entities/invoice.entity';
import { InternalInvoicesController } from './invoices/internal-invoices.controller';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesRepository } from './invoices/invoices.repository';
import { InvoicingConsumer } from './invoices/invoicing.consumer';
import { GetInvoicePdfUseCase } from './invoices/use-cases/get-invoice-pdf/get-invoice-pdf.use-case';
import { IssueInvoiceUseCase } from './invoices/use-cases/issue-invoice/issue-invoice.use-case';
import { RequestPaymentUseCase } from './invoices/use-cases/request-payment/request-payment.use-case';
import { InvoicingConfig } from './invoicing.config';
import { SellerRegistry } from './sellers/seller-registry';

@Module({})
export class InvoicingModule {
  static forRoot(config: ServiceConfig & InvoicingConfig, logger: Logger): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [
        ServiceModule.forRoot({
          service: 'invoicing',
          config,
          logger,
          entities: [CustomerEntity, BillingDetailsEntity, DraftEntity, InvoiceEntity],
          migrations: [InvoicingInitial1732233600400],
        }),
        AuthModule.forService({ service: 'invoicing', config }),
      ],
      controllers: [BillingDetailsController, InvoicesController, InternalInvoicesController, InvoicingConsumer],
      providers: [
        { provide: SERVICE_KEYS, useValue: config.INTERNAL_API_KEYS },
        SellerRegistry,
        InvoicesRepository,
        RecordCustomerUseCase,
        RequestPaymentUseCase,
        IssueInvoiceUseCase,
        GetInvoicePdfUseCase,
      ],
    };
  }
}
