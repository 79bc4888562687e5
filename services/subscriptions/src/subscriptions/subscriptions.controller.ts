import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { PurchaseDto } from './dto/purchase.dto';
import { SubscriptionEntity } from './entities/subscription.entity';
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
}
