import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { Public, Roles, StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { PORTAL_URL } from '../efactura-settings';
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
@StaffMayRead()
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

  @Get()
  list(@TenantAccountId() accountId: string): Promise<{ authorizations: AuthorizationStatus[] }> {
    return this.work.run(async (uow) => ({ authorizations: await this.status.all(accountId, uow) }));
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
    @Inject(PORTAL_URL) private readonly portalUrl: string | undefined,
  ) {}

  @Get('callback')
  @Public()
  async callback(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query('state') state: string,
    @Query('code') code?: string,
    @Query('error') error?: string,
  ): Promise<Omit<AuthorizationCompleted, 'accountId'> | undefined> {
    const completed = await this.work.run((uow) =>
      this.complete.execute(CompleteAuthorizationCommand.create({ state, code, error }), uow),
    );
    // A person's browser (it asks for a page) goes back to the portal's e-Factura page; an API client reads JSON.
    if (this.portalUrl && request.accepts(['json', 'html']) === 'html') {
      const back = new URL(`/accounts/${completed.accountId}/efactura`, this.portalUrl);
      back.searchParams.set('anaf', 'connected');
      back.searchParams.set('cif', completed.cif);
      response.redirect(303, back.toString());
      return undefined;
    }
    const { accountId: _accountId, ...answer } = completed;
    return answer;
  }
}
