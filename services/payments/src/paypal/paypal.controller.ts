import { Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { Public } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { RawBodyRequest } from '@obolus/platform';
import { PaymentsError } from '../payments/payments.errors';
import { ProviderEventReceipt } from '../payments/use-cases/record-provider-event/record-provider-event.use-case';
import { CapturePaypalOrderCommand } from './use-cases/capture-paypal-order/capture-paypal-order.command';
import { CapturePaypalOrderUseCase, PaypalCheckoutView } from './use-cases/capture-paypal-order/capture-paypal-order.use-case';
import { RecordPaypalEventCommand } from './use-cases/record-paypal-event/record-paypal-event.command';
import { RecordPaypalEventUseCase } from './use-cases/record-paypal-event/record-paypal-event.use-case';

@Controller()
export class PaypalController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly recordEvent: RecordPaypalEventUseCase,
    private readonly captureOrder: CapturePaypalOrderUseCase,
  ) {}

  /** Public, and verified by PayPal (verify-webhook-signature over the raw body), inside the use case. */
  @Post('webhooks/paypal')
  @Public()
  @HttpCode(HttpStatus.OK)
  webhook(
    @Req() request: RawBodyRequest,
    @Headers() headers: Record<string, string | string[] | undefined>,
  ): Promise<ProviderEventReceipt> {
    return this.work.run((uow) =>
      this.recordEvent.execute(RecordPaypalEventCommand.create({ rawBody: request.rawBody, headers }), uow),
    );
  }

  /**
   * Where PayPal sends the payer after approval (return_url?token=<order id>&PayerID=…): the order is
   * captured. Public, as the payer's browser carries no Obolus token; it can only capture what PayPal says
   * its payer approved, and answers no more than the payment's id and status.
   */
  @Get('paypal/return')
  @Public()
  returned(@Query('token') token: string | undefined): Promise<PaypalCheckoutView> {
    if (!token) return Promise.reject(PaymentsError.paypalOrderMissing());
    return this.work.run((uow) => this.captureOrder.execute(CapturePaypalOrderCommand.create({ orderId: token }), uow));
  }
}
