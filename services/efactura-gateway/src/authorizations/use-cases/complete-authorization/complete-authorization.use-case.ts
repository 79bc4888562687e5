import { Inject, Injectable } from '@nestjs/common';
import { AnafClient } from '@obolus/anaf';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { INCOMING_POLL_JOB, IncomingPollPayload } from '../../../incoming/incoming-schedule';
import { Clock, SecretBox } from '@obolus/platform';
import { efacturaErrorOf } from '../../../anaf/anaf-failure';
import { EfacturaError } from '../../../efactura.errors';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { CompleteAuthorizationCommand } from './complete-authorization.command';

export interface AuthorizationCompleted {
  /** Whose CUI it is (the state named it); the portal's address for the browser, not in the JSON answer. */
  accountId: string;
  cif: string;
  connected: true;
  accessTokenExpiresAt: string;
}

/**
 * The callback: the state must be one Obolus issued, unused and unexpired (it names the account and
 * the CUI, since the callback carries no login); the code is exchanged and both tokens are stored
 * sealed. A state is good once, even when ANAF then refuses the code. The CUI's chain of supplier
 * invoice listings starts now (a reconnection starts a new chain; the old one stops).
 */
@Injectable()
export class CompleteAuthorizationUseCase {
  constructor(
    private readonly authorizations: AuthorizationsRepository,
    private readonly anaf: AnafClient,
    @Inject(SecretBox) private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: CompleteAuthorizationCommand, uow: UnitOfWork): Promise<AuthorizationCompleted> {
    const now = this.clock.now();
    const state = await this.authorizations.consumeState(uow, command.state, now);
    if (!state) throw EfacturaError.authorizationStateInvalid();
    if (command.error !== undefined || !command.code) throw EfacturaError.authorizationDenied(command.error ?? 'no code');
    const tokens = await this.anaf.exchangeCode(command.code).catch((error: unknown) => {
      throw efacturaErrorOf(error, state.cif);
    });
    const accessExpiresAt = new Date(now.getTime() + tokens.expiresInSeconds * 1000);
    await this.authorizations.save(uow, {
      accountId: state.accountId,
      cif: state.cif,
      accessTokenSealed: this.box.seal(tokens.accessToken),
      refreshTokenSealed: this.box.seal(tokens.refreshToken),
      accessExpiresAt,
      status: 'connected',
      connectedAt: now,
      refreshedAt: null,
      lastError: null,
    });
    const chain = now.toISOString();
    await this.scheduler.schedule<IncomingPollPayload>(uow, {
      kind: INCOMING_POLL_JOB,
      key: `${state.accountId}:${state.cif}:${chain}:1`,
      accountId: state.accountId,
      dueAt: await this.clocks.now(uow, state.accountId),
      payload: { accountId: state.accountId, cif: state.cif, chain, run: 1 },
    });
    return { accountId: state.accountId, cif: state.cif, connected: true, accessTokenExpiresAt: accessExpiresAt.toISOString() };
  }
}
