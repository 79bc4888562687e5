import { Injectable } from '@nestjs/common';
import { EfacturaAuthorizationLostV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { MarkAuthorizationRevokedCommand } from './mark-authorization-revoked.command';

/**
 * Records that ANAF no longer takes a CUI's tokens (403: consent withdrawn, certificate rights gone).
 * Its uploads and polls then wait, never dropped, until the owner connects the CUI again.
 * `efactura.authorization.lost` is published with it, so the owner and staff hear of it.
 */
@Injectable()
export class MarkAuthorizationRevokedUseCase {
  constructor(
    private readonly authorizations: AuthorizationsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: MarkAuthorizationRevokedCommand, uow: UnitOfWork): Promise<void> {
    const found = await this.authorizations.lock(uow, command.accountId, command.cif);
    if (!found || found.status === 'revoked') return;
    const message = command.reason.slice(0, 500);
    await this.authorizations.save(uow, { ...found, status: 'revoked', lastError: message });
    await uow.emit(EfacturaAuthorizationLostV1, {
      accountId: command.accountId,
      subject: command.cif,
      data: {
        accountId: command.accountId,
        cif: command.cif,
        reason: 'revoked',
        message,
        lostAt: this.clock.now().toISOString(),
      },
    });
  }
}
