import { Injectable } from '@nestjs/common';
import { AnafClient } from '@obolus/anaf';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomBytes } from 'node:crypto';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { StartAuthorizationCommand } from './start-authorization.command';

/** How long the certificate holder has to approve at ANAF. */
const STATE_TTL_MS = 15 * 60_000;

export interface AuthorizationStart {
  /** Where the owner's browser goes next: ANAF's page, where the qualified certificate is presented. */
  authorizeUrl: string;
  expiresAt: string;
}

/**
 * Starts ANAF's OAuth flow for one CUI of an account: a random state, bound to the account and the
 * CUI and good once for 15 minutes, travels through ANAF and back to the callback.
 */
@Injectable()
export class StartAuthorizationUseCase {
  constructor(
    private readonly authorizations: AuthorizationsRepository,
    private readonly anaf: AnafClient,
    private readonly clock: Clock,
  ) {}

  async execute(command: StartAuthorizationCommand, uow: UnitOfWork): Promise<AuthorizationStart> {
    const now = this.clock.now();
    const state = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
    await this.authorizations.insertState(
      uow,
      { state, accountId: command.accountId, cif: command.cif, expiresAt, usedAt: null },
      now,
    );
    return { authorizeUrl: this.anaf.authorizeUrl(state), expiresAt: expiresAt.toISOString() };
  }
}
