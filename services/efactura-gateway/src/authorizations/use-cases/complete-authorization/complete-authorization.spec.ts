import { AnafClient, AnafTokens } from '@obolus/anaf';
import { AccountClocks, JobScheduler, NewScheduledJob } from '@obolus/messaging';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { EfacturaErrorCode } from '../../../efactura.errors';
import { AuthorizationsRepository } from '../../authorizations.repository';
import { InMemoryAuthorizations } from '../../test-support/in-memory-authorizations';
import { SecretBox } from '@obolus/platform';
import { StartAuthorizationCommand } from '../start-authorization/start-authorization.command';
import { StartAuthorizationUseCase } from '../start-authorization/start-authorization.use-case';
import { CompleteAuthorizationCommand } from './complete-authorization.command';
import { CompleteAuthorizationUseCase } from './complete-authorization.use-case';

const ACCOUNT = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';

/** ANAF's authorize URL and token exchange, as far as these use cases use them. */
class StandInAnaf implements Pick<AnafClient, 'authorizeUrl' | 'exchangeCode'> {
  codes: string[] = [];
  authorizeUrl(state: string): string {
    return `https://logincert.anaf.ro/anaf-oauth2/v1/authorize?state=${state}`;
  }
  async exchangeCode(code: string): Promise<AnafTokens> {
    this.codes.push(code);
    return { accessToken: 'eyJ.access', refreshToken: 'refresh', tokenType: 'Bearer', expiresInSeconds: 3600 };
  }
}

describe('StartAuthorizationUseCase and CompleteAuthorizationUseCase', () => {
  const box = new SecretBox(Buffer.alloc(32, 5).toString('base64'));
  let clock: SettableClock;
  let uow: RecordingUnitOfWork;
  let authorizations: InMemoryAuthorizations;
  let anaf: StandInAnaf;
  let scheduled: NewScheduledJob[];
  let start: StartAuthorizationUseCase;
  let complete: CompleteAuthorizationUseCase;

  beforeEach(() => {
    clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
    uow = new RecordingUnitOfWork(clock);
    authorizations = new InMemoryAuthorizations();
    anaf = new StandInAnaf();
    scheduled = [];
    const scheduler = { schedule: async (_uow: unknown, job: NewScheduledJob) => (scheduled.push(job), true) };
    const repository = authorizations as unknown as AuthorizationsRepository;
    start = new StartAuthorizationUseCase(repository, anaf as unknown as AnafClient, clock);
    complete = new CompleteAuthorizationUseCase(
      repository,
      anaf as unknown as AnafClient,
      box,
      clock,
      scheduler as unknown as JobScheduler,
      { now: async () => clock.now() } as unknown as AccountClocks,
    );
  });

  const begin = async () => {
    const { authorizeUrl } = await start.execute(
      StartAuthorizationCommand.create({ accountId: ACCOUNT, cif: 'RO14040242' }),
      uow,
    );
    return new URL(authorizeUrl).searchParams.get('state')!;
  };
  const invalidState = { code: EfacturaErrorCode.AuthorizationStateInvalid, kind: 'invalid' };

  it('binds the state to the account and CUI, stores the tokens sealed, and starts listing supplier invoices', async () => {
    const state = await begin();
    expect(state).toMatch(/^[\w-]{43}$/);
    expect(await complete.execute(CompleteAuthorizationCommand.create({ state, code: 'code-1' }), uow)).toEqual({
      accountId: ACCOUNT,
      cif: '14040242',
      connected: true,
      accessTokenExpiresAt: '2026-11-27T11:00:00.000Z',
    });
    const stored = authorizations.rows.get(`${ACCOUNT}:14040242`)!;
    expect(box.open(stored.accessTokenSealed)).toBe('eyJ.access');
    expect(box.open(stored.refreshTokenSealed)).toBe('refresh');
    expect(JSON.stringify(stored)).not.toContain('eyJ');
    expect(scheduled).toEqual([
      expect.objectContaining({ kind: 'efactura-incoming-poll', accountId: ACCOUNT, dueAt: clock.now() }),
    ]);
  });

  it('takes a state once, never after 15 minutes, and never one it did not issue', async () => {
    const state = await begin();
    await complete.execute(CompleteAuthorizationCommand.create({ state, code: 'code-1' }), uow);
    await expect(complete.execute(CompleteAuthorizationCommand.create({ state, code: 'code-2' }), uow)).rejects.toMatchObject(
      invalidState,
    );
    const late = await begin();
    clock.advance(15 * 60_000);
    await expect(
      complete.execute(CompleteAuthorizationCommand.create({ state: late, code: 'code-3' }), uow),
    ).rejects.toMatchObject(invalidState);
    await expect(
      complete.execute(CompleteAuthorizationCommand.create({ state: 'forged', code: 'x' }), uow),
    ).rejects.toMatchObject(invalidState);
    expect(anaf.codes).toEqual(['code-1']);
  });

  it('refuses when the holder denied at ANAF, and a CUI that is not one', async () => {
    const state = await begin();
    await expect(
      complete.execute(CompleteAuthorizationCommand.create({ state, error: 'access_denied' }), uow),
    ).rejects.toMatchObject({
      code: EfacturaErrorCode.AuthorizationDenied,
    });
    expect(authorizations.rows.size).toBe(0);
    expect(() => StartAuthorizationCommand.create({ accountId: ACCOUNT, cif: 'RO12ab' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'cif' })] }),
    );
  });
});
