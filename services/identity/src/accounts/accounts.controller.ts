import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { ClientInfo } from '../sessions/session-tokens';
import { CloseAccountDto, ClosureView, SignUpDto, SignUpResultView } from './dto/sign-up.dto';
import { CloseAccountCommand } from './use-cases/close-account/close-account.command';
import { CloseAccountUseCase } from './use-cases/close-account/close-account.use-case';
import { SignUpCommand } from './use-cases/sign-up/sign-up.command';
import { SignUpResult, SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly signUp: SignUpUseCase,
    private readonly closeAccount: CloseAccountUseCase,
  ) {}

  @Public()
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Sign up: creates the account and its owner, emits account.created (A1, T1)' })
  @ApiCreatedResponse({ type: SignUpResultView })
  create(@Body() body: SignUpDto): Promise<SignUpResult> {
    return this.work.run((uow) => this.signUp.execute(SignUpCommand.create(body), uow));
  }

  @Roles('owner')
  @Post(':accountId/closure')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Close the account (A3), owner only, with the password again; blocked at once, purged after the retention period',
  })
  @ApiCreatedResponse({ type: ClosureView })
  close(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() owner: Principal,
    @Body() body: CloseAccountDto,
    @Client() client: ClientInfo,
  ): Promise<ClosureView> {
    return this.work.run((uow) =>
      this.closeAccount.execute(
        CloseAccountCommand.create({
          accountId,
          ownerUserId: owner.userId,
          ownerEmail: owner.email,
          password: body.password,
          clientIp: client.ip,
        }),
        uow,
      ),
    );
  }
}
