import { RecordingUnitOfWork } from '@obolus/testing';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { CheckEntitlementCommand, CheckEntitlementInput } from './check-entitlement.command';
import { CheckEntitlementUseCase } from './check-entitlement.use-case';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('CheckEntitlementUseCase (C6, C7)', () => {
  let accounts: SubscribedAccounts;
  let check: CheckEntitlementUseCase;

  const ask = (accountId: string, question: Omit<CheckEntitlementInput, 'accountId'>) =>
    check.execute(CheckEntitlementCommand.create({ accountId, ...question }), new RecordingUnitOfWork());

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    check = new CheckEntitlementUseCase(accounts.catalogs, accounts.repository);
  });

  it("answers features from the account's edition (teams: Dream Team yes, Sales Essentials no)", async () => {
    const team = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 2,
      at: '2027-01-05T10:00:00Z',
    });
    const essentials = await accounts.bought('fr-crm', {
      edition: 'sales-essentials',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(team, { feature: 'teams' })).toEqual({ allowed: true });
    expect(await ask(essentials, { feature: 'teams' })).toEqual({
      allowed: false,
      reason: 'Sales Essentials does not include teams',
    });
  });

  it('refuses a 25 MB document and allows a 19 MB one (20 MB a document)', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(accountId, { storeBytes: 25 * MB })).toMatchObject({ allowed: false, limit: 20 * MB });
    expect(await ask(accountId, { storeBytes: 19 * MB })).toEqual({
      allowed: true,
      limit: 10 * GB,
      remaining: 10 * GB - 19 * MB,
    });
  });

  it('refuses storage beyond 10 GB per seat paid for, and allows what is left', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 2,
      at: '2027-01-05T10:00:00Z',
    });
    accounts.row(accountId).storageBytes = 20 * GB - MB;
    expect(await ask(accountId, { storeBytes: 2 * MB })).toEqual({
      allowed: false,
      reason: `the account has ${MB} bytes of storage left`,
      limit: 20 * GB,
      remaining: MB,
    });
    expect(await ask(accountId, { storeBytes: MB })).toEqual({ allowed: true, limit: 20 * GB, remaining: 0 });
    accounts.row(accountId).storageBytes = 20 * GB;
    expect(await ask(accountId, { storeBytes: 1 })).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('refuses a second seat on Solopreneur (C3), and allows Dream Team more', async () => {
    const solo = await accounts.bought('fr-crm', {
      edition: 'solopreneur',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(solo, { addSeats: 1 })).toEqual({
      allowed: false,
      reason: 'the edition is for at most 1 user(s)',
      limit: 1,
      remaining: 0,
    });
    const team = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(team, { addSeats: 5 })).toEqual({ allowed: true, limit: 1000, remaining: 994 });
  });

  it('refuses everything to a blocked fr-crm account (T3), whatever the question', async () => {
    const accountId = await accounts.trialRanOut('fr-crm');
    expect(accounts.row(accountId).status).toBe('blocked');
    for (const question of [{ feature: 'teams' }, { storeBytes: 1 }, { addSeats: 1 }]) {
      expect(await ask(accountId, question)).toMatchObject({ allowed: false, reason: expect.stringContaining('blocked') });
    }
  });

  it('answers a Premium account downgraded to Standard with Standard features only', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(accountId, { feature: 'reports' })).toEqual({ allowed: true });
    Object.assign(accounts.row(accountId), { edition: 'standard', status: 'free', term: null, currentPeriodEnd: null });
    expect(await ask(accountId, { feature: 'reports' })).toEqual({ allowed: false, reason: 'Standard does not include reports' });
    expect(await ask(accountId, { feature: 'contacts' })).toEqual({ allowed: true });
  });

  it('needs every question allowed, and answers with the first refusal', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'sales-essentials',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    expect(await ask(accountId, { feature: 'activity-list', storeBytes: MB })).toEqual({ allowed: true });
    expect(await ask(accountId, { feature: 'teams', storeBytes: MB })).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('teams'),
    });
  });

  it('refuses an unknown feature name, a negative or huge size and no question at all, naming the field', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    await expect(ask(accountId, { feature: 'time-travel' })).rejects.toMatchObject({
      code: SubscriptionsErrorCode.UnknownFeature,
      kind: 'invalid',
      fields: [{ field: 'feature', reason: expect.stringContaining('teams') }],
    });
    expect(() => CheckEntitlementCommand.create({ accountId, storeBytes: -1 })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'storeBytes' })] }),
    );
    expect(() => CheckEntitlementCommand.create({ accountId, storeBytes: 2e15 })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'storeBytes' })] }),
    );
    expect(() => CheckEntitlementCommand.create({ accountId, addSeats: 0 })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'addSeats' })] }),
    );
    expect(() => CheckEntitlementCommand.create({ accountId })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'feature' })] }),
    );
  });
});
