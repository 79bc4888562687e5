import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  PaymentSucceededV1,
  PaymentSucceededV1Data,
  SubscriptionActivatedV1,
  SubscriptionActivatedV1Data,
  SubscriptionRenewalDueV1,
  SubscriptionRenewalDueV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { IssueInvoiceCommand } from './use-cases/issue-invoice/issue-invoice.command';
import { IssueInvoiceUseCase } from './use-cases/issue-invoice/issue-invoice.use-case';
import { RequestPaymentCommand } from './use-cases/request-payment/request-payment.command';
import { RequestPaymentUseCase } from './use-cases/request-payment/request-payment.use-case';

@Controller()
export class InvoicesConsumer {
  constructor(
    private readonly requestPayment: RequestPaymentUseCase,
    private readonly issueInvoice: IssueInvoiceUseCase,
  ) {}

  @EventPattern(SubscriptionActivatedV1.type)
  onSubscriptionActivated(
    @Payload() event: CloudEvent<SubscriptionActivatedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.requestPayment.execute(RequestPaymentCommand.create({ ...event.data, eventId: event.id }), uow);
  }

  @EventPattern(SubscriptionRenewalDueV1.type)
  onRenewalDue(@Payload() event: CloudEvent<SubscriptionRenewalDueV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.requestPayment.execute(
      RequestPaymentCommand.create({ ...event.data, activatedAt: event.data.dueAt, eventId: event.id }),
      uow,
    );
  }

  @EventPattern(PaymentSucceededV1.type)
  onPaymentSucceeded(@Payload() event: CloudEvent<PaymentSucceededV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.issueInvoice.execute(IssueInvoiceCommand.create(event.data), uow);
  }
}
