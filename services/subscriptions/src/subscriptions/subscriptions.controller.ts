import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Roles, StaffOnly, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ChangeEditionDto } from './dto/change-edition.dto';
import { PurchaseDto } from './dto/purchase.dto';
import { SubscriptionEntity } from './entities/subscription.entity';
import { BillEarlyCommand } from './use-cases/bill-early/bill-early.command';
import { BillEarlyUseCase } from './use-cases/bill-early/bill-early.use-case';
import { ChangeEditionCommand } from './use-cases/change-edition/change-edition.command';
import { ChangeEditionUseCase } from './use-cases/change-edition/change-edition.use-case';
import { GetEntitlementsCommand } from './use-cases/get-entitlements/get-entitlements.command';
import { Entitlements, GetEntitlementsUseCase } from './use-cases/get-entitlements/get-entitlements.use-case';
import { GetSubscriptionCommand } from './use-cases/get-subscription/get-subscription.command';
import { GetSubscriptionUseCase } from './use-cases/get-subscription/get-subscription.use-case';
import { PurchaseCommand } from './use-cases/purchase/purchase.command';
import { PurchaseUseCase } from './use-cases/purchase/purchase.use-case';

@Controller('accounts/:accountId/subscription')
export class SubscriptionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getSubscription: GetSubscriptionUseCase,
    private readonly purchaseUseCase: PurchaseUseCase,
    private readonly changeEditionUseCase: ChangeEditionUseCase,
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

@Controller('accounts/:accountId/entitlements')
export class EntitlementsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getEntitlements: GetEntitlementsUseCase,
  ) {}

  @Get()
  current(@TenantAccountId() accountId: string): Promise<Entitlements> {
    return this.work.run((uow) => this.getEntitlements.execute(GetEntitlementsCommand.create({ accountId }), uow));
  }
}

/** Support's routes over any account's subscription (console tokens only). */
@Controller('staff/accounts/:accountId/subscription')
export class StaffSubscriptionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly billEarlyUseCase: BillEarlyUseCase,
  ) {}

  /** B4: bill the next period now; the schedule moves accordingly. */
  @StaffOnly()
  @Post('bill-early')
  @HttpCode(HttpStatus.OK)
  billEarly(@Param('accountId') accountId: string): Promise<SubscriptionEntity> {
    return this.work.run((uow) => this.billEarlyUseCase.execute(BillEarlyCommand.create({ accountId }), uow));
  }
}
