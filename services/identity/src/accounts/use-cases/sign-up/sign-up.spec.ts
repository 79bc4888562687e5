import { AccountCreatedV1 } from '@obolus/contracts';
import { AccountClocks } from '@obolus/messaging';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityErrorCode } from '../../../identity.errors';
import { AccountsRepository } from '../../accounts.repository';
import { InMemoryAccounts } from '../../test-support/in-memory-accounts';
import { PlainPasswordHasher } from '../../test-support/stand-ins';
import { SignUpCommand, SignUpInput } from './sign-up.command';
import { SignUpUseCase } from './sign-up.use-case';

describe('SignUpUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-02T09:00:00Z'));
  const KNOWN_CLOCK = '0b7f4c1e-8a59-4a57-9f3c-2d4c3b9a1e10';
  const KNOWN_CLOCK_TIME = new Date('2027-01-01T09:00:00Z');
  let tables: InMemoryAccounts;
  let signUp: SignUpUseCase;
  let assigned: [string, string][];
  const clocks = {
    assign: async (_uow: unknown, accountId: string, clockId: string) => void assigned.push([accountId, clockId]),
    timeOf: async (_uow: unknown, clockId: string) => (clockId === KNOWN_CLOCK ? KNOWN_CLOCK_TIME : undefined),
  };
  const withTestClocks = (setting: 'enabled' | undefined) =>
    new SignUpUseCase(
      tables as unknown as AccountsRepository,
      new PlainPasswordHasher() as unknown as PasswordHasher,
      clock,
      { OBOLUS_TEST_CLOCKS: setting },
      clocks as unknown as AccountClocks,
    );

  const input: SignUpInput = {
    companyName: '  Atelier Dupont ',
    email: ' owner@atelier-dupont.fr ',
    password: 'a long enough passphrase',
    country: 'FR',
    catalog: 'fr-crm',
    signupChannel: 'partner',
  };

  beforeEach(() => {
    tables = new InMemoryAccounts();
    assigned = [];
    signUp = withTestClocks(undefined);
  });

  it('puts an account on the test clock it names, and says so in account.created, where test clocks are enabled', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const testClockId = KNOWN_CLOCK;
    const { accountId } = await withTestClocks('enabled').execute(SignUpCommand.create({ ...input, testClockId }), uow);
    expect(assigned).toEqual([[accountId, testClockId]]);
    expect(uow.dataOf(AccountCreatedV1)).toEqual([
      expect.objectContaining({ accountId, testClockId, createdAt: KNOWN_CLOCK_TIME.toISOString() }),
    ]);
  });

  it('answers unavailable, creating nothing, for a test clock identity has not heard of yet', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const testClockId = '5b0c7f0e-8f1e-4c43-9d5e-2f1d3c4b5a69';
    const attempt = withTestClocks('enabled').execute(SignUpCommand.create({ ...input, testClockId }), uow);
    await expect(attempt).rejects.toMatchObject({
      kind: 'unavailable',
      fields: [expect.objectContaining({ field: 'testClockId' })],
    });
    expect(uow.emitted).toEqual([]);
    expect(assigned).toEqual([]);
  });

  it('refuses a test clock where test clocks are not enabled, naming the field, and creates nothing', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const testClockId = '5b0c7f0e-8f1e-4c43-9d5e-2f1d3c4b5a69';
    const attempt = signUp.execute(SignUpCommand.create({ ...input, testClockId }), uow);
    await expect(attempt).rejects.toThrow(InvalidCommandError);
    await expect(attempt).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'testClockId' })] });
    expect(uow.emitted).toEqual([]);
    expect(assigned).toEqual([]);
  });

  it('refuses a test clock id that is not a UUID', () => {
    expect(() => SignUpCommand.create({ ...input, testClockId: 'clock-1' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'testClockId' })] }),
    );
  });

  it('announces no testClockId for an account in real time', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await signUp.execute(SignUpCommand.create(input), uow);
    expect(uow.dataOf(AccountCreatedV1)[0]).not.toHaveProperty('testClockId');
  });

  it('creates the account and its owner and announces account.created with the trimmed names', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const { accountId, ownerUserId } = await signUp.execute(SignUpCommand.create(input), uow);
    expect(uow.dataOf(AccountCreatedV1)).toEqual([
      {
        accountId,
        ownerUserId,
        ownerEmail: 'owner@atelier-dupont.fr',
        companyName: 'Atelier Dupont',
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'partner',
        locale: 'fr',
        createdAt: '2026-03-02T09:00:00.000Z',
      },
    ]);
    expect(tables.accounts.get(accountId)).toMatchObject({ status: 'active', companyName: 'Atelier Dupont' });
    expect(tables.users.get(ownerUserId)).toMatchObject({
      accountId,
      role: 'owner',
      passwordHash: 'plain:a long enough passphrase',
    });
  });

  it('speaks Romanian to ro-crm and Romania, French to France, English elsewhere, unless told', () => {
    expect(SignUpCommand.create({ ...input, catalog: 'ro-crm' }).locale).toBe('ro');
    expect(SignUpCommand.create({ ...input, country: 'RO' }).locale).toBe('ro');
    expect(SignUpCommand.create({ ...input, country: 'BE' }).locale).toBe('en');
    expect(SignUpCommand.create({ ...input, country: 'RO', locale: 'en' }).locale).toBe('en');
  });

  it('refuses an address already registered, whatever its case, with 409 EMAIL_TAKEN on the email field', async () => {
    await signUp.execute(SignUpCommand.create(input), new RecordingUnitOfWork());
    const uow = new RecordingUnitOfWork();
    await expect(signUp.execute(SignUpCommand.create({ ...input, email: 'OWNER@atelier-dupont.fr' }), uow)).rejects.toMatchObject(
      {
        code: IdentityErrorCode.EmailTaken,
        kind: 'conflict',
        message: 'an account already uses this e-mail address',
        fields: [{ field: 'email', reason: 'is already registered' }],
      },
    );
    expect(uow.emitted).toHaveLength(0);
    expect(tables.accounts.size).toBe(1);
  });

  it('refuses a command with a bad catalog or address before anything is written', () => {
    expect(() => SignUpCommand.create({ ...input, catalog: 'de-crm' as never, email: 'nope' })).toThrow(InvalidCommandError);
  });
});
