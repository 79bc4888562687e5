import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, Principal, Public, Roles, StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { RawBodyRequest } from '@obolus/platform';
import { SetupIntentDto } from './dto/setup-intent.dto';
import { PaymentEntity } from './entities/payment.entity';
import { GetPaymentMethodsCommand } from './use-cases/get-payment-methods/get-payment-methods.command';
import { GetPaymentMethodsUseCase, PaymentMethods } from './use-cases/get-payment-methods/get-payment-methods.use-case';
import { ListPaymentsCommand } from './use-cases/list-payments/list-payments.command';
import { ListPaymentsUseCase } from './use-cases/list-payments/list-payments.use-case';
import { PrepareCardSetupCommand } from './use-cases/prepare-card-setup/prepare-card-setup.command';
import { CardSetup, PrepareCardSetupUseCase } from './use-cases/prepare-card-setup/prepare-card-setup.use-case';
import { RecordProviderEventCommand } from './use-cases/record-provider-event/record-provider-event.command';
import {
  ProviderEventReceipt,
  RecordProviderEventUseCase,
} from './use-cases/record-provider-event/record-provider-event.use-case';

@StaffMayRead()
@Controller()
export class PaymentsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly prepareCardSetup: PrepareCardSetupUseCase,
    private readonly getPaymentMethods: GetPaymentMethodsUseCase,
    private readonly listPayments: ListPaymentsUseCase,
    private readonly recordProviderEvent: RecordProviderEventUseCase,
  ) {}

  @Post('accounts/:accountId/payment-methods/setup-intents')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.CREATED)
  setupIntent(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: SetupIntentDto,
  ): Promise<CardSetup> {
    return this.work.run((uow) =>
      this.prepareCardSetup.execute(PrepareCardSetupCommand.create({ ...body, accountId, email: principal.email }), uow),
    );
  }

  @Get('accounts/:accountId/payment-methods')
  paymentMethods(@TenantAccountId() accountId: string): Promise<PaymentMethods> {
    return this.work.run((uow) => this.getPaymentMethods.execute(GetPaymentMethodsCommand.create({ accountId }), uow));
  }

  @Get('accounts/:accountId/payments')
  list(@TenantAccountId() accountId: string): Promise<PaymentEntity[]> {
    return this.work.run((uow) => this.listPayments.execute(ListPaymentsCommand.create({ accountId }), uow));
  }

  /** Public, and verified by its signature over the raw body, inside the use case. */
  @Post('webhooks/stripe')
  @Public()
  @HttpCode(HttpStatus.OK)
  stripeWebhook(
    @Req() request: RawBodyRequest,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<ProviderEventReceipt> {
    return this.work.run((uow) =>
      this.recordProviderEvent.execute(RecordProviderEventCommand.create({ rawBody: request.rawBody, signature }), uow),
    );
  }
}
