import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Authorization, AuthorizationsRepository } from '../../authorizations.repository';
import { GetAuthorizationStatusCommand } from './get-authorization-status.command';

/** What the owner sees of a CUI's authorisation; never a token. */
export interface AuthorizationStatus {
  cif: string;
  connected: boolean;
  status: 'connected' | 'revoked' | 'not-connected';
  accessTokenExpiresAt?: string;
  connectedAt?: string;
  refreshedAt?: string;
  lastError?: string;
}

@Injectable()
export class GetAuthorizationStatusUseCase {
  constructor(private readonly authorizations: AuthorizationsRepository) {}

  async execute(command: GetAuthorizationStatusCommand, uow: UnitOfWork): Promise<AuthorizationStatus> {
    const found = await this.authorizations.find(uow, command.accountId, command.cif);
    if (!found) return { cif: command.cif, connected: false, status: 'not-connected' };
    return statusOf(found);
  }

  /** Every CUI of the account connected at some point, with its state now (the portal's list). */
  async all(accountId: string, uow: UnitOfWork): Promise<AuthorizationStatus[]> {
    return (await this.authorizations.listOf(uow, accountId)).map(statusOf);
  }
}

function statusOf(found: Authorization): AuthorizationStatus {
  return {
    cif: found.cif,
    connected: found.status === 'connected',
    status: found.status,
    accessTokenExpiresAt: found.accessExpiresAt.toISOString(),
    connectedAt: found.connectedAt.toISOString(),
    ...(found.refreshedAt ? { refreshedAt: found.refreshedAt.toISOString() } : {}),
    ...(found.lastError ? { lastError: found.lastError } : {}),
  };
}
