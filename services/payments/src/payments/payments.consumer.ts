import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, InvoicePaymentRequestedV1, InvoicePaymentRequestedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { CollectPaymentCommand } from './use-cases/collect-payment/collect-payment.command';
import { CollectPaymentUseCase } from './use-cases/collect-payment/collect-payment.use-case';

@Controller()
export class PaymentsConsumer {
  constructor(private readonly collectPayment: CollectPaymentUseCase) {}

  @EventPattern(InvoicePaymentRequestedV1.type)
  onPaymentRequested(
    @Payload() event: CloudEvent<InvoicePaymentRequestedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.collectPayment.execute(CollectPaymentCommand.create(event.data), uow);
  }
}
