import { EfacturaAuthorizationLostV1 } from '@obolus/contracts';
import { AnafCallError, AnafClient, AnafTokens } from '@obolus/anaf';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { EfacturaSettings } from '../../../efactura-settings';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { InMemoryAuthorizations } from '../../test-support/in-memory-authorizations';
import { SecretBox } from '@obolus/platform';
import { ObtainAccessTokenCommand } from './obtain-access-token.command';
import { ObtainAccessTokenUseCase } from './obtain-access-token.use-case';

const ACCOUNT = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const CIF = '14040242';
const DAY = 24 * 3600_000;

/** ANAF's token endpoint: rotates on each refresh, or refuses as told. */
class StandInAnaf implements Pick<AnafClient, 'refresh'> {
  refreshed: string[] = [];
  failure?: AnafCallError;

  async refresh(refreshToken: string): Promise<AnafTokens> {
    if (this.failure) throw this.failure;
    this.refreshed.push(refreshToken);
    const n = this.refreshed.length;
    return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresInSeconds: 90 * 24 * 3600 };
  }
}

describe('ObtainAccessTokenUseCase', () => {
  const box = new SecretBox(Buffer.alloc(32, 3).toString('base64'));
  const settings: EfacturaSettings = {
    refreshBeforeExpiryMs: 7 * DAY,
    statusPollMs: 10_000,
    trustedSigners: [],
    incomingPollMs: 60_000,
    incomingLagMs: 0,
  };
  let clock: SettableClock;
  let uow: RecordingUnitOfWork;
  let authorizations: InMemoryAuthorizations;
  let anaf: StandInAnaf;
  let obtain: ObtainAccessTokenUseCase;
  const command = ObtainAccessTokenCommand.create({ accountId: ACCOUNT, cif: CIF });

  beforeEach(async () => {
    clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
    uow = new RecordingUnitOfWork(clock);
    authorizations = new InMemoryAuthorizations();
    anaf = new StandInAnaf();
    obtain = new ObtainAccessTokenUseCase(
      authorizations as unknown as AuthorizationsRepository,
      anaf as unknown as AnafClient,
      box,
      settings,
      clock,
    );
    await authorizations.save(uow, {
      accountId: ACCOUNT,
      cif: CIF,
      accessTokenSealed: box.seal('access-0'),
      refreshTokenSealed: box.seal('refresh-0'),
      accessExpiresAt: new Date(clock.now().getTime() + 90 * DAY),
      status: 'connected',
      connectedAt: clock.now(),
      refreshedAt: null,
      lastError: null,
    });
  });

  const stored = () => authorizations.rows.get(`${ACCOUNT}:${CIF}`)!;

  it('uses the stored access token while it is far from expiry', async () => {
    expect(await obtain.execute(command, uow)).toEqual({ accessToken: 'access-0' });
    expect(anaf.refreshed).toEqual([]);
  });

  it('refreshes within the margin and keeps the rotated refresh token, which the next refresh uses', async () => {
    clock.advance(84 * DAY);
    expect(await obtain.execute(command, uow)).toEqual({ accessToken: 'access-1' });
    expect(box.open(stored().refreshTokenSealed)).toBe('refresh-1');
    expect(stored()).toMatchObject({ refreshedAt: clock.now(), accessExpiresAt: new Date(clock.now().getTime() + 90 * DAY) });
    expect(await obtain.execute(command, uow)).toEqual({ accessToken: 'access-1' });
    clock.advance(85 * DAY);
    expect(await obtain.execute(command, uow)).toEqual({ accessToken: 'access-2' });
    expect(anaf.refreshed).toEqual(['refresh-0', 'refresh-1']);
  });

  it('marks the authorisation revoked when ANAF refuses the refresh token, and keeps it when ANAF is only unavailable', async () => {
    clock.advance(89 * DAY);
    anaf.failure = new AnafCallError('unavailable', 'ANAF answered 503');
    expect(await obtain.execute(command, uow)).toEqual({ unavailable: 'ANAF answered 503' });
    expect(stored().status).toBe('connected');
    expect(uow.dataOf(EfacturaAuthorizationLostV1)).toEqual([]);
    anaf.failure = new AnafCallError('unauthorized', 'ANAF answered 400: invalid_grant', 400, undefined, 'invalid_grant');
    expect(await obtain.execute(command, uow)).toEqual({ missing: 'revoked', reason: 'ANAF answered 400: invalid_grant' });
    expect(stored()).toMatchObject({ status: 'revoked', lastError: 'ANAF answered 400: invalid_grant' });
    expect(await obtain.execute(command, uow)).toMatchObject({ missing: 'revoked' });
    // The owner and staff hear of it once, in the unit of work that marked it.
    expect(uow.dataOf(EfacturaAuthorizationLostV1)).toEqual([
      {
        accountId: ACCOUNT,
        cif: CIF,
        reason: 'expired',
        message: 'ANAF answered 400: invalid_grant',
        lostAt: clock.now().toISOString(),
      },
    ]);
  });

  it('says not connected for a CUI without an authorisation', async () => {
    expect(await obtain.execute(ObtainAccessTokenCommand.create({ accountId: ACCOUNT, cif: '18547290' }), uow)).toMatchObject({
      missing: 'not-connected',
    });
  });
});
