import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ClientInfo, TokenPair } from '../sessions/session-tokens';
import { Client } from './client-info.decorator';
import {
  ChangePasswordDto,
  RefreshDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SignInDto,
  SignInResult,
} from './dto/auth.dto';
import { ChangePasswordCommand } from './use-cases/change-password/change-password.command';
import { ChangePasswordUseCase } from './use-cases/change-password/change-password.use-case';
import { RefreshSessionCommand } from './use-cases/refresh-session/refresh-session.command';
import { RefreshSessionUseCase } from './use-cases/refresh-session/refresh-session.use-case';
import { RequestPasswordResetCommand } from './use-cases/request-password-reset/request-password-reset.command';
import { RequestPasswordResetUseCase } from './use-cases/request-password-reset/request-password-reset.use-case';
import { ResetPasswordCommand } from './use-cases/reset-password/reset-password.command';
import { ResetPasswordUseCase } from './use-cases/reset-password/reset-password.use-case';
import { SignInCommand } from './use-cases/sign-in/sign-in.command';
import { SignInUseCase } from './use-cases/sign-in/sign-in.use-case';
import { SignOutCommand } from './use-cases/sign-out/sign-out.command';
import { SignOutUseCase } from './use-cases/sign-out/sign-out.use-case';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
    private readonly changePassword: ChangePasswordUseCase,
    private readonly requestPasswordReset: RequestPasswordResetUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with e-mail and password; the same 401 for an unknown e-mail and a wrong password' })
  @ApiOkResponse({ type: SignInResult })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this e-mail or this client; see Retry-After' })
  create(@Body() body: SignInDto, @Client() client: ClientInfo): Promise<SignInResult> {
    return this.work.run((uow) =>
      this.signIn.execute(SignInCommand.create({ email: body.email, password: body.password, client }), uow),
    );
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a spent token revokes its whole session' })
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshDto, @Client() client: ClientInfo): Promise<TokenPair> {
    return this.work.run((uow) =>
      this.refreshSession.execute(RefreshSessionCommand.create({ refreshToken: body.refreshToken, client }), uow),
    );
  }

  @Public()
  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse()
  end(@Body() body: RefreshDto, @Client() client: ClientInfo): Promise<void> {
    return this.work.run((uow) => this.signOut.execute(SignOutCommand.create({ refreshToken: body.refreshToken, client }), uow));
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the password (the current one is required); every other session ends' })
  @ApiNoContentResponse()
  password(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.work.run((uow) =>
      this.changePassword.execute(
        ChangePasswordCommand.create({
          accountId: principal.accountId,
          userId: principal.userId,
          email: principal.email,
          sessionId: principal.sessionId,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          client,
        }),
        uow,
      ),
    );
  }

  @Public()
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Forgotten password: e-mails a link valid 1 hour, if the address exists (the answer is the same either way)',
  })
  @ApiAcceptedResponse()
  forgot(@Body() body: RequestPasswordResetDto, @Client() client: ClientInfo): Promise<Record<string, never>> {
    return this.work.run((uow) =>
      this.requestPasswordReset.execute(RequestPasswordResetCommand.create({ email: body.email, client }), uow).then(() => ({})),
    );
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Choose a new password with the token of the link; the token is spent and every session ends' })
  @ApiNoContentResponse()
  reset(@Body() body: ResetPasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.work.run((uow) =>
      this.resetPassword.execute(ResetPasswordCommand.create({ token: body.token, newPassword: body.newPassword, client }), uow),
    );
  }
}
