import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  PaymentSucceededV1,
  PaymentSucceededV1Data,
  SubscriptionActivatedV1,
  SubscriptionActivatedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordCustomerUseCase } from '../customers/use-cases/record-customer/record-customer.use-case';
import { IssueInvoiceUseCase } from './use-cases/issue-invoice/issue-invoice.use-case';
import { RequestPaymentUseCase } from './use-cases/request-payment/request-payment.use-case';

@Controller()
export class InvoicingConsumer {
  constructor(
    private readonly recordCustomer: RecordCustomerUseCase,
    private readonly requestPayment: RequestPaymentUseCase,
    private readonly issueInvoice: IssueInvoiceUseCase,
  ) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    return this.recordCustomer.execute(event, context);
  }

  @EventPattern(SubscriptionActivatedV1.type)
  onSubscriptionActivated(
    @Payload() event: CloudEvent<SubscriptionActivatedV1Data>,
    @Ctx() context: EventHandlerContext,
  ): Promise<void> {
    return this.requestPayment.execute(event, context);
  }

  @EventPattern(PaymentSucceededV1.type)
  onPaymentSucceeded(@Payload() event: CloudEvent<PaymentSucceededV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    return this.issueInvoice.execute(event, context);
  }
}
