import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, TenantAccountId } from '@obolus/auth';
import { Client } from '../auth/client-info.decorator';
import { ClientInfo } from '../sessions/session-tokens';
import { AccountMemberView, ChangeRoleDto, InvitationView, InviteUserDto } from './dto/users.dto';
import { ChangeRoleUseCase } from './use-cases/change-role/change-role.use-case';
import { InviteUserUseCase } from './use-cases/invite-user/invite-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case';
import { RemoveUserUseCase } from './use-cases/remove-user/remove-user.use-case';
import { UserIdParam } from './uuid-param';

@ApiTags('users')
@ApiBearerAuth()
@Controller('accounts/:accountId')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly changeRole: ChangeRoleUseCase,
    private readonly removeUser: RemoveUserUseCase,
    private readonly inviteUser: InviteUserUseCase,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'The users of the account and their roles' })
  @ApiOkResponse({ type: AccountMemberView, isArray: true })
  list(@TenantAccountId() accountId: string): Promise<AccountMemberView[]> {
    return this.listUsers.execute(accountId);
  }

  @Roles('owner', 'admin')
  @Patch('users/:userId')
  @ApiOperation({ summary: "Change a user's role; only an owner touches owners, and the only owner stays owner" })
  @ApiOkResponse({ type: AccountMemberView })
  role(
    @TenantAccountId() accountId: string,
    @UserIdParam() userId: string,
    @CurrentPrincipal() actor: Principal,
    @Body() body: ChangeRoleDto,
    @Client() client: ClientInfo,
  ): Promise<AccountMemberView> {
    return this.changeRole.execute({ actor, accountId, userId, role: body.role, client });
  }

  @Roles('owner', 'admin')
  @Delete('users/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a user from the account (emits user.removed); the only owner cannot be removed' })
  @ApiNoContentResponse()
  remove(
    @TenantAccountId() accountId: string,
    @UserIdParam() userId: string,
    @CurrentPrincipal() actor: Principal,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.removeUser.execute(actor, accountId, userId, client);
  }

  @Roles('owner', 'admin')
  @Post('invitations')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Invite someone by e-mail; the link is single-use and expires in 7 days' })
  @ApiCreatedResponse({ type: InvitationView })
  invite(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() actor: Principal,
    @Body() body: InviteUserDto,
    @Client() client: ClientInfo,
  ): Promise<InvitationView> {
    return this.inviteUser.execute({ actor, accountId, email: body.email, role: body.role, client });
  }
}
