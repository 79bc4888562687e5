import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { MarkAuthorizationRevokedCommand } from './mark-authorization-revoked.command';

/**
 * Records that ANAF no longer takes a CUI's tokens (403: consent withdrawn, certificate rights gone).
 * Its uploads and polls then wait, never dropped, until the owner connects the CUI again.
 */
@Injectable()
export class MarkAuthorizationRevokedUseCase {
  constructor(private readonly authorizations: AuthorizationsRepository) {}

  async execute(command: MarkAuthorizationRevokedCommand, uow: UnitOfWork): Promise<void> {
    const found = await this.authorizations.lock(uow, command.accountId, command.cif);
    if (!found || found.status === 'revoked') return;
    await this.authorizations.save(uow, { ...found, status: 'revoked', lastError: command.reason.slice(0, 500) });
  }
}
