import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, StaffMayRead, StaffOnly, StaffPrincipal, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { RefundDto } from './dto/refund.dto';
import { ListRefundsCommand } from './use-cases/list-refunds/list-refunds.command';
import { ListRefundsUseCase } from './use-cases/list-refunds/list-refunds.use-case';
import { RefundPaymentCommand } from './use-cases/refund-payment/refund-payment.command';
import { RefundPaymentUseCase, RefundView } from './use-cases/refund-payment/refund-payment.use-case';

/** The account's own refunds. */
@StaffMayRead()
@Controller('accounts/:accountId/refunds')
export class RefundsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listRefunds: ListRefundsUseCase,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<RefundView[]> {
    return this.work.read((uow) => this.listRefunds.execute(ListRefundsCommand.create({ accountId }), uow));
  }
}

/** Support refunds a payment of any account (S1); the request's Idempotency-Key makes a retry safe. */
@Controller('staff/accounts/:accountId')
@StaffOnly()
export class StaffRefundsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly refundPayment: RefundPaymentUseCase,
    private readonly listRefunds: ListRefundsUseCase,
  ) {}

  @Post('payments/:paymentId/refunds')
  @HttpCode(HttpStatus.CREATED)
  refund(
    @Param('accountId') accountId: string,
    @Param('paymentId') paymentId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: RefundDto,
  ): Promise<RefundView> {
    return this.work.run((uow) =>
      this.refundPayment.execute(
        RefundPaymentCommand.create({
          ...body,
          accountId,
          paymentId,
          idempotencyKey: idempotencyKey ?? '',
          requestedBy: `staff:${staff.staffId}`,
          staffUserId: staff.staffId,
          staffEmail: staff.email,
        }),
        uow,
      ),
    );
  }

  @Get('refunds')
  list(@Param('accountId') accountId: string): Promise<RefundView[]> {
    return this.work.read((uow) => this.listRefunds.execute(ListRefundsCommand.create({ accountId }), uow));
  }
}
