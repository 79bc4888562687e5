import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, Principal, Public, Roles, TenantAccountId } from '@obolus/auth';
import { DATA_SOURCE, RawBodyRequest } from '@obolus/platform';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { PaymentEntity } from './entities/payment.entity';
import { PaymentsRepository } from './payments.repository';
import { CardSetup, PrepareCardSetupUseCase } from './use-cases/prepare-card-setup/prepare-card-setup.use-case';
import { RecordProviderEventUseCase } from './use-cases/record-provider-event/record-provider-event.use-case';

export class SetupIntentDto {
  @IsOptional()
  @IsArray()
  @IsIn(['card', 'sepa_debit'], { each: true })
  paymentMethodTypes?: ('card' | 'sepa_debit')[];
}

@Controller()
export class PaymentsController {
  constructor(
    private readonly prepareCardSetup: PrepareCardSetupUseCase,
    private readonly recordProviderEvent: RecordProviderEventUseCase,
    private readonly payments: PaymentsRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Post('accounts/:accountId/payment-methods/setup-intents')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.CREATED)
  setupIntent(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: SetupIntentDto,
  ): Promise<CardSetup> {
    return this.prepareCardSetup.execute(accountId, principal.email, body.paymentMethodTypes ?? ['card']);
  }

  @Get('accounts/:accountId/payment-methods')
  async paymentMethods(@TenantAccountId() accountId: string): Promise<{ default: { id: string; type: string } | null }> {
    const customer = await this.payments.findCustomer(this.dataSource.manager, accountId);
    return {
      default: customer?.defaultPaymentMethodId
        ? { id: customer.defaultPaymentMethodId, type: customer.defaultPaymentMethodType ?? 'card' }
        : null,
    };
  }

  @Get('accounts/:accountId/payments')
  list(@TenantAccountId() accountId: string): Promise<PaymentEntity[]> {
    return this.payments.listPayments(this.dataSource.manager, accountId);
  }

  @Post('webhooks/stripe')
  @Public()
  @HttpCode(HttpStatus.OK)
  stripeWebhook(@Req() request: RawBodyRequest, @Headers('stripe-signature') signature: string | undefined) {
    return this.recordProviderEvent.execute({ rawBody: request.rawBody, signature });
  }
}
