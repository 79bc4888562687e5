import { Inject, Injectable } from '@nestjs/common';
import { AnafCallError, AnafClient } from '@obolus/anaf';
import { EfacturaAuthorizationLostV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock, SecretBox } from '@obolus/platform';
import { EFACTURA_SETTINGS, EfacturaSettings } from '../../../efactura-settings';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { ObtainAccessTokenCommand } from './obtain-access-token.command';

/** A token to call ANAF with, or why there is none (no authorisation, revoked, ANAF unreachable). */
export type AccessTokenResult =
  | { accessToken: string }
  | { missing: 'not-connected' | 'revoked'; reason: string }
  | { unavailable: string };

/**
 * The access token of a CUI, refreshed when it is within the configured margin of its expiry. The row
 * is locked while refreshing, and the rotated refresh token is saved in that same unit of work: ANAF
 * invalidates the old one at once, so it must never be used twice. Run it in a unit of work of its
 * own, committed before the token is used: a later failure of the caller must not roll the rotation back.
 * ANAF refusing the refresh token marks the authorisation revoked (the owner must connect again) and
 * publishes `efactura.authorization.lost` (expired) in the same unit of work.
 */
@Injectable()
export class ObtainAccessTokenUseCase {
  constructor(
    private readonly authorizations: AuthorizationsRepository,
    private readonly anaf: AnafClient,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(EFACTURA_SETTINGS) private readonly settings: EfacturaSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: ObtainAccessTokenCommand, uow: UnitOfWork): Promise<AccessTokenResult> {
    const found = await this.authorizations.lock(uow, command.accountId, command.cif);
    if (!found) return { missing: 'not-connected', reason: `CUI ${command.cif} is not connected to ANAF` };
    if (found.status === 'revoked') return { missing: 'revoked', reason: found.lastError ?? 'the authorisation was revoked' };
    const now = this.clock.now();
    if (found.accessExpiresAt.getTime() - now.getTime() > this.settings.refreshBeforeExpiryMs) {
      return { accessToken: this.box.open(found.accessTokenSealed) };
    }
    try {
      const tokens = await this.anaf.refresh(this.box.open(found.refreshTokenSealed));
      await this.authorizations.save(uow, {
        ...found,
        accessTokenSealed: this.box.seal(tokens.accessToken),
        refreshTokenSealed: this.box.seal(tokens.refreshToken),
        accessExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
        refreshedAt: now,
        lastError: null,
      });
      return { accessToken: tokens.accessToken };
    } catch (error) {
      if (!(error instanceof AnafCallError)) throw error;
      if (error.kind !== 'unauthorized') return { unavailable: error.message };
      const message = error.message.slice(0, 500);
      await this.authorizations.save(uow, { ...found, status: 'revoked', lastError: message });
      await uow.emit(EfacturaAuthorizationLostV1, {
        accountId: found.accountId,
        subject: found.cif,
        data: { accountId: found.accountId, cif: found.cif, reason: 'expired', message, lostAt: now.toISOString() },
      });
      return { missing: 'revoked', reason: error.message };
    }
  }
}
