import { Injectable } from '@nestjs/common';
import { AnafCallError } from '@obolus/anaf';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { efacturaErrorOf } from '../anaf/anaf-failure';
import { MarkAuthorizationRevokedCommand } from '../authorizations/use-cases/mark-authorization-revoked/mark-authorization-revoked.command';
import { MarkAuthorizationRevokedUseCase } from '../authorizations/use-cases/mark-authorization-revoked/mark-authorization-revoked.use-case';
import { ObtainAccessTokenCommand } from '../authorizations/use-cases/obtain-access-token/obtain-access-token.command';
import { ObtainAccessTokenUseCase } from '../authorizations/use-cases/obtain-access-token/obtain-access-token.use-case';
import { EfacturaError } from '../efactura.errors';

/**
 * Calls ANAF on behalf of one CUI of an account. The access token is obtained (and refreshed) in a
 * unit of work of its own, so that a rotated refresh token is committed whatever happens to the job
 * afterwards. No usable authorisation, or ANAF unreachable: the job fails as unavailable and waits.
 * A 403 marks the authorisation revoked (also in its own unit of work) and holds the queue.
 */
@Injectable()
export class AnafToken {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly obtain: ObtainAccessTokenUseCase,
    private readonly revoke: MarkAuthorizationRevokedUseCase,
  ) {}

  async call<T>(accountId: string, cif: string, request: (accessToken: string) => Promise<T>): Promise<T> {
    const accessToken = await this.for(accountId, cif);
    try {
      return await request(accessToken);
    } catch (error) {
      if (error instanceof AnafCallError && error.kind === 'unauthorized') {
        await this.work.run((uow) =>
          this.revoke.execute(MarkAuthorizationRevokedCommand.create({ accountId, cif, reason: error.message }), uow),
        );
      }
      throw efacturaErrorOf(error, cif);
    }
  }

  private async for(accountId: string, cif: string): Promise<string> {
    const result = await this.work.run((uow) => this.obtain.execute(ObtainAccessTokenCommand.create({ accountId, cif }), uow));
    if ('accessToken' in result) return result.accessToken;
    if ('unavailable' in result) throw EfacturaError.anafUnavailable(result.unavailable);
    throw EfacturaError.notAuthorized(cif, result.reason);
  }
}
