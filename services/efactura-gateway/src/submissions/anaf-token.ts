import { Injectable } from '@nestjs/common';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ObtainAccessTokenCommand } from '../authorizations/use-cases/obtain-access-token/obtain-access-token.command';
import { ObtainAccessTokenUseCase } from '../authorizations/use-cases/obtain-access-token/obtain-access-token.use-case';
import { EfacturaError } from '../efactura.errors';

/**
 * The access token a job calls ANAF with, obtained (and refreshed) in a unit of work of its own, so
 * that a rotated refresh token is committed whatever happens to the job afterwards. No usable
 * authorisation, or ANAF unreachable for the refresh: the job fails as unavailable and waits.
 */
@Injectable()
export class AnafToken {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly obtain: ObtainAccessTokenUseCase,
  ) {}

  async for(accountId: string, cif: string): Promise<string> {
    const result = await this.work.run((uow) => this.obtain.execute(ObtainAccessTokenCommand.create({ accountId, cif }), uow));
    if ('accessToken' in result) return result.accessToken;
    if ('unavailable' in result) throw EfacturaError.anafUnavailable(result.unavailable);
    throw EfacturaError.notAuthorized(cif, result.reason);
  }
}
