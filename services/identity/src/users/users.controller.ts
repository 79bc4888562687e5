import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { ClientInfo } from '../sessions/session-tokens';
import { AccountMemberView, ChangeRoleDto, InvitationView, InviteUserDto } from './dto/users.dto';
import { ChangeRoleCommand } from './use-cases/change-role/change-role.command';
import { ChangeRoleUseCase } from './use-cases/change-role/change-role.use-case';
import { InviteUserCommand } from './use-cases/invite-user/invite-user.command';
import { InviteUserUseCase } from './use-cases/invite-user/invite-user.use-case';
import { ListInvitationsCommand } from './use-cases/list-invitations/list-invitations.command';
import { ListInvitationsUseCase, OpenInvitation } from './use-cases/list-invitations/list-invitations.use-case';
import { ListUsersCommand } from './use-cases/list-users/list-users.command';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case';
import { RemoveUserCommand } from './use-cases/remove-user/remove-user.command';
import { RemoveUserUseCase } from './use-cases/remove-user/remove-user.use-case';
import { UserIdParam } from './uuid-param';

/** The caller, as the users' commands name them. */
const actor = (principal: Principal, client: ClientInfo) => ({
  actorUserId: principal.userId,
  actorRole: principal.role,
  clientIp: client.ip,
});

@ApiTags('users')
@ApiBearerAuth()
@Controller('accounts/:accountId')
export class UsersController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listUsers: ListUsersUseCase,
    private readonly listOpenInvitations: ListInvitationsUseCase,
    private readonly changeRole: ChangeRoleUseCase,
    private readonly removeUser: RemoveUserUseCase,
    private readonly inviteUser: InviteUserUseCase,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'The users of the account and their roles' })
  @ApiOkResponse({ type: AccountMemberView, isArray: true })
  list(@TenantAccountId() accountId: string): Promise<AccountMemberView[]> {
    return this.work.run((uow) => this.listUsers.execute(ListUsersCommand.create({ accountId }), uow));
  }

  @Roles('owner', 'admin')
  @Get('invitations')
  @ApiOperation({ summary: 'The invitations still open (not accepted, not expired), oldest first' })
  openInvitations(@TenantAccountId() accountId: string): Promise<OpenInvitation[]> {
    return this.work.run((uow) => this.listOpenInvitations.execute(ListInvitationsCommand.create({ accountId }), uow));
  }

  @Roles('owner', 'admin')
  @Patch('users/:userId')
  @ApiOperation({ summary: "Change a user's role; only an owner touches owners, and the only owner stays owner" })
  @ApiOkResponse({ type: AccountMemberView })
  role(
    @TenantAccountId() accountId: string,
    @UserIdParam() userId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangeRoleDto,
    @Client() client: ClientInfo,
  ): Promise<AccountMemberView> {
    return this.work.run((uow) =>
      this.changeRole.execute(ChangeRoleCommand.create({ accountId, userId, role: body.role, ...actor(principal, client) }), uow),
    );
  }

  @Roles('owner', 'admin')
  @Delete('users/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a user from the account (emits user.removed); the only owner cannot be removed' })
  @ApiNoContentResponse()
  remove(
    @TenantAccountId() accountId: string,
    @UserIdParam() userId: string,
    @CurrentPrincipal() principal: Principal,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.work.run((uow) =>
      this.removeUser.execute(RemoveUserCommand.create({ accountId, userId, ...actor(principal, client) }), uow),
    );
  }

  @Roles('owner', 'admin')
  @Post('invitations')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      "Invite someone by e-mail; the link is single-use and expires in 7 days. 409 SEAT_LIMIT_REACHED when the users and open invitations fill the edition's limit",
  })
  @ApiCreatedResponse({ type: InvitationView })
  invite(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: InviteUserDto,
    @Client() client: ClientInfo,
  ): Promise<InvitationView> {
    return this.work.run((uow) =>
      this.inviteUser.execute(
        InviteUserCommand.create({ accountId, email: body.email, role: body.role, ...actor(principal, client) }),
        uow,
      ),
    );
  }
}
