import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { Roles, TenantAccountId } from '@obolus/auth';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { PurchaseDto } from './dto/purchase.dto';
import { SubscriptionEntity } from './entities/subscription.entity';
import { SubscriptionsRepository } from './subscriptions.repository';
import { PurchaseUseCase } from './use-cases/purchase/purchase.use-case';

@Controller('accounts/:accountId/subscription')
export class SubscriptionsController {
  constructor(
    private readonly purchaseUseCase: PurchaseUseCase,
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get()
  async current(@TenantAccountId() accountId: string): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(this.dataSource.manager, accountId);
    if (!subscription) throw new ApiError(HttpStatus.NOT_FOUND, 'SUBSCRIPTION_NOT_FOUND', 'this account has no subscription yet');
    return subscription;
  }

  @Post('purchase')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  purchase(@TenantAccountId() accountId: string, @Body() body: PurchaseDto): Promise<SubscriptionEntity> {
    return this.purchaseUseCase.execute({ ...body, accountId });
  }
}
