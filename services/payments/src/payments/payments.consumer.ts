import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, InvoicePaymentRequestedV1, InvoicePaymentRequestedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { StartPaypalCheckoutCommand } from '../paypal/use-cases/start-paypal-checkout/start-paypal-checkout.command';
import { StartPaypalCheckoutUseCase } from '../paypal/use-cases/start-paypal-checkout/start-paypal-checkout.use-case';
import { CollectPaymentCommand } from './use-cases/collect-payment/collect-payment.command';
import { CollectPaymentUseCase } from './use-cases/collect-payment/collect-payment.use-case';

@Controller()
export class PaymentsConsumer {
  constructor(
    private readonly collectPayment: CollectPaymentUseCase,
    private readonly startPaypalCheckout: StartPaypalCheckoutUseCase,
  ) {}

  @EventPattern(InvoicePaymentRequestedV1.type)
  onPaymentRequested(
    @Payload() event: CloudEvent<InvoicePaymentRequestedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    const request = CollectPaymentCommand.create(event.data);
    // PayPal (P2) is not collected: the payer approves an order, then it is captured.
    if (request.paymentMethod === 'paypal') {
      return this.startPaypalCheckout.execute(StartPaypalCheckoutCommand.fromPaymentRequest(request), uow);
    }
    return this.collectPayment.execute(request, uow);
  }
}
