import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, StaffOnly, StaffPrincipal } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { AuditEntryView, AuditLogQuery } from '../audit/dto/audit-log.dto';
import { ListAuditLogCommand } from '../audit/use-cases/list-audit-log/list-audit-log.command';
import { ListAuditLogUseCase } from '../audit/use-cases/list-audit-log/list-audit-log.use-case';
import { SignInDto } from '../auth/dto/auth.dto';
import { IdentityError } from '../identity.errors';
import { ClientInfo, TokenPair } from '../sessions/session-tokens';
import { AccountSearchQuery, StaffAccountSearchView, StaffAccountView } from './dto/staff-accounts.dto';
import { GetStaffAccountCommand } from './use-cases/get-staff-account/get-staff-account.command';
import { GetStaffAccountUseCase } from './use-cases/get-staff-account/get-staff-account.use-case';
import { SearchAccountsCommand } from './use-cases/search-accounts/search-accounts.command';
import { SearchAccountsUseCase } from './use-cases/search-accounts/search-accounts.use-case';
import { SignInStaffCommand } from './use-cases/sign-in-staff/sign-in-staff.command';
import { SignInStaffUseCase } from './use-cases/sign-in-staff/sign-in-staff.use-case';

/** A route account id that is not a UUID names no account: 404, before any query. */
const AccountIdParam = (): ParameterDecorator =>
  Param('accountId', new ParseUUIDPipe({ exceptionFactory: () => IdentityError.notFound('no such account') }));

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly signInStaff: SignInStaffUseCase,
    private readonly searchAccounts: SearchAccountsUseCase,
    private readonly getAccount: GetStaffAccountUseCase,
    private readonly listAuditLog: ListAuditLogUseCase,
  ) {}

  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Console sign-in (S1): a token for the console audience, refused by customer routes' })
  @ApiOkResponse({ type: TokenPair })
  signIn(@Body() body: SignInDto, @Client() client: ClientInfo): Promise<TokenPair> {
    return this.work.run((uow) =>
      this.signInStaff.execute(SignInStaffCommand.create({ email: body.email, password: body.password, client }), uow),
    );
  }

  @StaffOnly()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in staff member' })
  me(@CurrentPrincipal() staff: StaffPrincipal): StaffPrincipal {
    return staff;
  }

  @StaffOnly()
  @Get('accounts')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Find customer accounts (S1), newest first: by company name (case and accents ignored), a user’s e-mail address, or the account id',
  })
  @ApiOkResponse({ type: StaffAccountSearchView })
  search(@Query() query: AccountSearchQuery): Promise<StaffAccountSearchView> {
    return this.work.run((uow) => this.searchAccounts.execute(SearchAccountsCommand.create(query), uow));
  }

  @StaffOnly()
  @Get('accounts/:accountId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One customer account (S1) with its users and open invitations' })
  @ApiOkResponse({ type: StaffAccountView })
  account(@AccountIdParam() accountId: string): Promise<StaffAccountView> {
    return this.work.run((uow) => this.getAccount.execute(GetStaffAccountCommand.create({ accountId }), uow));
  }

  @StaffOnly()
  @Get('accounts/:accountId/audit-log')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Any account's audit log (S1), newest first: security events and staff actions, with who, what, why and to what",
  })
  @ApiOkResponse({ type: AuditEntryView, isArray: true })
  auditLog(@AccountIdParam() accountId: string, @Query() query: AuditLogQuery): Promise<AuditEntryView[]> {
    return this.work.run((uow) => this.listAuditLog.execute(ListAuditLogCommand.create({ accountId, ...query }), uow));
  }
}
