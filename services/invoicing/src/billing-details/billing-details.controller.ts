import { Body, Controller, Get, Put } from '@nestjs/common';
import { Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { BillingDetailsDto } from './dto/billing-details.dto';
import { BillingDetailsEntity } from './entities/billing-details.entity';
import { GetBillingDetailsCommand } from './use-cases/get-billing-details/get-billing-details.command';
import { GetBillingDetailsUseCase } from './use-cases/get-billing-details/get-billing-details.use-case';
import { SaveBillingDetailsCommand } from './use-cases/save-billing-details/save-billing-details.command';
import { SaveBillingDetailsUseCase } from './use-cases/save-billing-details/save-billing-details.use-case';

@Controller('accounts/:accountId/billing-details')
export class BillingDetailsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getDetails: GetBillingDetailsUseCase,
    private readonly saveDetails: SaveBillingDetailsUseCase,
  ) {}

  @Get()
  get(@TenantAccountId() accountId: string): Promise<BillingDetailsEntity> {
    return this.work.run((uow) => this.getDetails.execute(GetBillingDetailsCommand.create({ accountId }), uow));
  }

  @Put()
  @Roles('owner', 'admin')
  put(@TenantAccountId() accountId: string, @Body() body: BillingDetailsDto): Promise<BillingDetailsEntity> {
    return this.work.run((uow) => this.saveDetails.execute(SaveBillingDetailsCommand.create({ ...body, accountId }), uow));
  }
}
