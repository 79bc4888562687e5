import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { ClientInfo } from '../sessions/session-tokens';
import { AcceptInvitationDto, JoinedView } from './dto/users.dto';
import { AcceptInvitationCommand } from './use-cases/accept-invitation/accept-invitation.command';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation/accept-invitation.use-case';

@ApiTags('users')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly acceptInvitation: AcceptInvitationUseCase,
  ) {}

  @Public()
  @Post('accept')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      "Accept an invitation: name and password; emits user.joined. 409 SEAT_LIMIT_REACHED when the account's users fill its edition's limit",
  })
  @ApiCreatedResponse({ type: JoinedView })
  accept(@Body() body: AcceptInvitationDto, @Client() client: ClientInfo): Promise<JoinedView> {
    return this.work.run((uow) =>
      this.acceptInvitation.execute(
        AcceptInvitationCommand.create({ token: body.token, password: body.password, name: body.name, clientIp: client.ip }),
        uow,
      ),
    );
  }
}
