import { Body, Controller, Get, HttpStatus, Inject, Put } from '@nestjs/common';
import { Roles, TenantAccountId } from '@obolus/auth';
import { ApiError, Clock, DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { BillingDetailsEntity } from './billing-details.entity';
import { BillingDetailsDto } from './dto/billing-details.dto';

/** V1: billing details can be edited at any time; later invoices use the new ones. */
@Controller('accounts/:accountId/billing-details')
export class BillingDetailsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  async get(@TenantAccountId() accountId: string): Promise<BillingDetailsEntity> {
    const details = await this.dataSource.manager.findOne(BillingDetailsEntity, { where: { accountId } });
    if (!details) throw new ApiError(HttpStatus.NOT_FOUND, 'BILLING_DETAILS_NOT_FOUND', 'no billing details yet');
    return details;
  }

  @Put()
  @Roles('owner', 'admin')
  async put(@TenantAccountId() accountId: string, @Body() body: BillingDetailsDto): Promise<BillingDetailsEntity> {
    const details: BillingDetailsEntity = {
      accountId,
      legalName: body.legalName,
      buyerType: body.buyerType,
      vatNumber: body.vatNumber ?? null,
      companyId: body.companyId ?? null,
      tradeRegisterNumber: body.tradeRegisterNumber ?? null,
      line1: body.address.line1,
      line2: body.address.line2 ?? null,
      city: body.address.city,
      postalCode: body.address.postalCode ?? null,
      countrySubdivision: body.address.countrySubdivision ?? null,
      country: body.address.country,
      extraRecipients: [...new Set((body.extraRecipients ?? []).map((e) => e.trim()))],
      updatedAt: this.clock.now(),
    };
    await this.dataSource.manager.upsert(BillingDetailsEntity, details, ['accountId']);
    return details;
  }
}
