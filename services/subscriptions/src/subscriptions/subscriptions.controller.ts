import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, Public, Roles, StaffMayRead, StaffOnly, StaffPrincipal, TenantAccountId } from '@obolus/auth';
import { EntitlementsAccessGuard } from '../api-keys/entitlements-access.guard';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ChangeEditionDto } from './dto/change-edition.dto';
import { CheckEntitlementDto, RecordUsageDto } from './dto/entitlements.dto';
import { PurchaseDto } from './dto/purchase.dto';
import { parseQuoteBody } from './dto/quote.dto';
import { StaffReasonDto, TrialExtensionDto } from './dto/staff.dto';
import { SubscriptionEntity } from './entities/subscription.entity';
import { BillEarlyCommand } from './use-cases/bill-early/bill-early.command';
import { BillEarlyUseCase } from './use-cases/bill-early/bill-early.use-case';
import { ExtendTrialCommand } from './use-cases/extend-trial/extend-trial.command';
import { ExtendTrialUseCase } from './use-cases/extend-trial/extend-trial.use-case';
import { ChangeEditionCommand } from './use-cases/change-edition/change-edition.command';
import { ChangeEditionUseCase } from './use-cases/change-edition/change-edition.use-case';
import { CheckEntitlementCommand } from './use-cases/check-entitlement/check-entitlement.command';
import { CheckEntitlementUseCase, EntitlementAnswer } from './use-cases/check-entitlement/check-entitlement.use-case';
import { RecordUsageCommand } from './use-cases/record-usage/record-usage.command';
import { RecordUsageUseCase, UsageRecorded } from './use-cases/record-usage/record-usage.use-case';
import { GetEntitlementsCommand } from './use-cases/get-entitlements/get-entitlements.command';
import { Entitlements, GetEntitlementsUseCase } from './use-cases/get-entitlements/get-entitlements.use-case';
import { GetSubscriptionCommand } from './use-cases/get-subscription/get-subscription.command';
import { GetSubscriptionUseCase } from './use-cases/get-subscription/get-subscription.use-case';
import { PurchaseCommand } from './use-cases/purchase/purchase.command';
import { PurchaseUseCase } from './use-cases/purchase/purchase.use-case';
import { QuotePriceCommand } from './use-cases/quote-price/quote-price.command';
import { PriceQuote, QuotePriceUseCase } from './use-cases/quote-price/quote-price.use-case';

@StaffMayRead()
@Controller('accounts/:accountId/subscription')
export class SubscriptionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getSubscription: GetSubscriptionUseCase,
    private readonly purchaseUseCase: PurchaseUseCase,
    private readonly changeEditionUseCase: ChangeEditionUseCase,
    private readonly quotePrice: QuotePriceUseCase,
  ) {}

  @Get()
  current(@TenantAccountId() accountId: string): Promise<SubscriptionEntity> {
    return this.work.run((uow) => this.getSubscription.execute(GetSubscriptionCommand.create({ accountId }), uow));
  }

  @Post('purchase')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  purchase(@TenantAccountId() accountId: string, @Body() body: PurchaseDto): Promise<SubscriptionEntity> {
    return this.work.run((uow) => this.purchaseUseCase.execute(PurchaseCommand.create({ ...body, accountId }), uow));
  }

  /**
   * The price of a purchase or a change before it is confirmed: `{kind: 'purchase' | 'change', ...that route's body}`.
   * The same checks and refusals as the route itself; nothing is written.
   */
  @Post('quote')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  async quote(@TenantAccountId() accountId: string, @Body() body: unknown): Promise<PriceQuote> {
    const command = QuotePriceCommand.create(await parseQuoteBody(body, accountId));
    return this.work.read((uow) => this.quotePrice.execute(command, uow));
  }

  /** C2, C5: the edition of every user; an upgrade now (prorated), a downgrade at the period's end. */
  @Post('change')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  changeEdition(@TenantAccountId() accountId: string, @Body() body: ChangeEditionDto): Promise<SubscriptionEntity> {
    return this.work.run((uow) =>
      this.changeEditionUseCase.execute(ChangeEditionCommand.create({ accountId, edition: body.edition }), uow),
    );
  }
}

/**
 * Entitlements answer to the account's own access token and to an integrating product's API key
 * (`X-Api-Key`), through EntitlementsAccessGuard; another account's id is 404 to a customer token.
 */
@StaffMayRead()
@Controller('accounts/:accountId')
@Public()
@UseGuards(EntitlementsAccessGuard)
export class EntitlementsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getEntitlements: GetEntitlementsUseCase,
    private readonly checkEntitlement: CheckEntitlementUseCase,
    private readonly recordUsage: RecordUsageUseCase,
  ) {}

  /** C7: what the account may do, from one row and the catalog. */
  @Get('entitlements')
  current(@Param('accountId') accountId: string): Promise<Entitlements> {
    return this.work.read((uow) => this.getEntitlements.execute(GetEntitlementsCommand.create({ accountId }), uow));
  }

  /** C6, C7: may the account use a feature, store a document, add users? */
  @Post('entitlements/check')
  @HttpCode(HttpStatus.OK)
  check(@Param('accountId') accountId: string, @Body() body: CheckEntitlementDto): Promise<EntitlementAnswer> {
    return this.work.read((uow) => this.checkEntitlement.execute(CheckEntitlementCommand.create({ ...body, accountId }), uow));
  }

  /** C6: storage stored or freed, counted once per usage id. */
  @Post('usage')
  @HttpCode(HttpStatus.OK)
  usage(@Param('accountId') accountId: string, @Body() body: RecordUsageDto): Promise<UsageRecorded> {
    return this.work.run((uow) => this.recordUsage.execute(RecordUsageCommand.create({ ...body, accountId }), uow));
  }
}

/** Support's routes over any account's subscription (console tokens only); each says why, for the audit log. */
@Controller('staff/accounts/:accountId/subscription')
export class StaffSubscriptionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly billEarlyUseCase: BillEarlyUseCase,
    private readonly extendTrialUseCase: ExtendTrialUseCase,
  ) {}

  /** B4: bill the next period now; the schedule moves accordingly. */
  @StaffOnly()
  @Post('bill-early')
  @HttpCode(HttpStatus.OK)
  billEarly(
    @Param('accountId') accountId: string,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: StaffReasonDto,
  ): Promise<SubscriptionEntity> {
    return this.work.run((uow) =>
      this.billEarlyUseCase.execute(BillEarlyCommand.create({ ...body, ...staffActor(staff), accountId }), uow),
    );
  }

  /** S1: more days of trial; its end and notice move with it. An Idempotency-Key, when sent, makes a retry safe. */
  @StaffOnly()
  @Post('trial-extension')
  @HttpCode(HttpStatus.OK)
  extendTrial(
    @Param('accountId') accountId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: TrialExtensionDto,
  ): Promise<SubscriptionEntity> {
    const command = ExtendTrialCommand.create({
      ...body,
      ...staffActor(staff),
      accountId,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    return this.work.run((uow) => this.extendTrialUseCase.execute(command, uow));
  }
}

const staffActor = (staff: StaffPrincipal) => ({ staffUserId: staff.staffId, staffEmail: staff.email });
