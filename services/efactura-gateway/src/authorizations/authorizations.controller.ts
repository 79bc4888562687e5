import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Public, Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { StartAuthorizationDto } from './dto/start-authorization.dto';
import { CompleteAuthorizationCommand } from './use-cases/complete-authorization/complete-authorization.command';
import {
  AuthorizationCompleted,
  CompleteAuthorizationUseCase,
} from './use-cases/complete-authorization/complete-authorization.use-case';
import { GetAuthorizationStatusCommand } from './use-cases/get-authorization-status/get-authorization-status.command';
import {
  AuthorizationStatus,
  GetAuthorizationStatusUseCase,
} from './use-cases/get-authorization-status/get-authorization-status.use-case';
import { StartAuthorizationCommand } from './use-cases/start-authorization/start-authorization.command';
import { AuthorizationStart, StartAuthorizationUseCase } from './use-cases/start-authorization/start-authorization.use-case';

/** The owner connects each CUI of the account to ANAF (OAuth with the qualified certificate), and sees whether it is. */
@Controller('accounts/:accountId/efactura/authorizations')
export class AuthorizationsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly start: StartAuthorizationUseCase,
    private readonly status: GetAuthorizationStatusUseCase,
  ) {}

  @Post()
  @Roles('owner')
  @HttpCode(201)
  create(@TenantAccountId() accountId: string, @Body() body: StartAuthorizationDto): Promise<AuthorizationStart> {
    return this.work.run((uow) => this.start.execute(StartAuthorizationCommand.create({ accountId, cif: body.cif }), uow));
  }

  @Get(':cif')
  get(@TenantAccountId() accountId: string, @Param('cif') cif: string): Promise<AuthorizationStatus> {
    return this.work.run((uow) => this.status.execute(GetAuthorizationStatusCommand.create({ accountId, cif }), uow));
  }
}

/** ANAF's redirect back after the certificate step: no login, the state alone says whose it is. */
@Controller('efactura/oauth')
export class OAuthCallbackController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly complete: CompleteAuthorizationUseCase,
  ) {}

  @Get('callback')
  @Public()
  callback(
    @Query('state') state: string,
    @Query('code') code?: string,
    @Query('error') error?: string,
  ): Promise<AuthorizationCompleted> {
    return this.work.run((uow) => this.complete.execute(CompleteAuthorizationCommand.create({ state, code, error }), uow));
  }
}
