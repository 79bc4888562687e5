import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { Roles, StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { VatNumberVerifier } from '../vat-numbers/vat-number-verifier';
import { BillingDetailsDto, VatNumberCheckDto } from './dto/billing-details.dto';
import { BillingDetailsEntity } from './entities/billing-details.entity';
import { CheckVatNumberCommand } from './use-cases/check-vat-number/check-vat-number.command';
import { CheckVatNumberUseCase, VatNumberCheckView } from './use-cases/check-vat-number/check-vat-number.use-case';
import { GetBillingDetailsCommand } from './use-cases/get-billing-details/get-billing-details.command';
import { GetBillingDetailsUseCase } from './use-cases/get-billing-details/get-billing-details.use-case';
import { SaveBillingDetailsCommand } from './use-cases/save-billing-details/save-billing-details.command';
import { SaveBillingDetailsUseCase } from './use-cases/save-billing-details/save-billing-details.use-case';

@StaffMayRead()
@Controller('accounts/:accountId/billing-details')
export class BillingDetailsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getDetails: GetBillingDetailsUseCase,
    private readonly saveDetails: SaveBillingDetailsUseCase,
    verifier: VatNumberVerifier,
  ) {
    this.checkVatNumber = new CheckVatNumberUseCase(verifier);
  }

  private readonly checkVatNumber: CheckVatNumberUseCase;

  @Get()
  get(@TenantAccountId() accountId: string): Promise<BillingDetailsEntity> {
    return this.work.run((uow) => this.getDetails.execute(GetBillingDetailsCommand.create({ accountId }), uow));
  }

  @Put()
  @Roles('owner', 'admin')
  put(@TenantAccountId() accountId: string, @Body() body: BillingDetailsDto): Promise<BillingDetailsEntity> {
    return this.work.run((uow) => this.saveDetails.execute(SaveBillingDetailsCommand.create({ ...body, accountId }), uow));
  }

  /** V3: what VIES says of a number before it is saved (valid or not, the registered name and address). */
  @Post('vat-number-check')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  checkVat(@TenantAccountId() accountId: string, @Body() body: VatNumberCheckDto): Promise<VatNumberCheckView> {
    return this.work.run((uow) =>
      this.checkVatNumber.execute(CheckVatNumberCommand.create({ accountId, vatNumber: body.vatNumber }), uow),
    );
  }
}
