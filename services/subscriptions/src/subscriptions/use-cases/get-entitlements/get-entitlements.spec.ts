import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { SUPPORT } from '../../test-support/staff';
import { BillEarlyCommand } from '../bill-early/bill-early.command';
import { BillEarlyUseCase } from '../bill-early/bill-early.use-case';
import { ChangeSeatsCommand } from '../change-seats/change-seats.command';
import { ChangeSeatsUseCase } from '../change-seats/change-seats.use-case';
import { GetEntitlementsCommand } from './get-entitlements.command';
import { GetEntitlementsUseCase } from './get-entitlements.use-case';

/** C4: what Sales Essentials has; Dream Team adds teams, mailbox integration, templates, e-mail tracking and premium support. */
const SALES_ESSENTIALS = [
  'activity-list',
  'after-sale',
  'estimated-closing-date',
  'multiple-pipelines',
  'pipeline-by-closing-date',
  'sales-forecast',
  'native-integrations',
];
const DREAM_TEAM = [...SALES_ESSENTIALS, 'teams', 'mailbox-integration', 'templates', 'email-tracking', 'premium-support'];
/** C6: 20 MB a document, 10 GB a user. */
const LIMITS = { documentMaxBytes: 20 * 1024 * 1024, storageBytesPerSeat: 10 * 1024 * 1024 * 1024 };

describe('GetEntitlementsUseCase (C2, C6, C7)', () => {
  let accounts: SubscribedAccounts;
  let entitlements: GetEntitlementsUseCase;

  const get = (accountId: string) =>
    entitlements.execute(GetEntitlementsCommand.create({ accountId }), new RecordingUnitOfWork());

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    entitlements = new GetEntitlementsUseCase(accounts.catalogs, accounts.repository);
  });

  it('gives a trial every feature of its edition, until its last day (T2)', async () => {
    const accountId = await accounts.trial('fr-crm', { createdAt: '2027-01-05T10:00:00.000Z' });
    expect(await get(accountId)).toEqual({
      accountId,
      catalog: 'fr-crm',
      edition: 'dream-team',
      status: 'trialing',
      features: DREAM_TEAM,
      limits: { seats: 1000, ...LIMITS, storageBytes: LIMITS.storageBytesPerSeat, prospects: null, opportunities: null },
      usage: { seats: 1, storageBytes: 0 },
      validUntil: '2027-01-19',
      version: accounts.row(accountId).version,
    });
  });

  it("gives a bought edition its own features, paid up to its period's last day or the last day billed ahead", async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'sales-essentials',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    expect(await get(accountId)).toMatchObject({
      edition: 'sales-essentials',
      status: 'active',
      features: SALES_ESSENTIALS,
      limits: { seats: 1000, ...LIMITS },
      validUntil: '2027-02-03',
    });
    await new BillEarlyUseCase(accounts.catalogs, accounts.repository, accounts.clocks, accounts.duePeriods).execute(
      BillEarlyCommand.create({ ...SUPPORT, accountId }),
      new RecordingUnitOfWork(),
    );
    expect((await get(accountId)).validUntil).toBe('2027-03-05');
  });

  it('limits Solopreneur to one seat (C3)', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'solopreneur',
      term: 'annual',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    expect(await get(accountId)).toMatchObject({
      edition: 'solopreneur',
      features: DREAM_TEAM,
      limits: { seats: 1 },
      validUntil: '2028-01-04',
    });
  });

  it('gives a blocked account no feature, and a free one the Standard features with no end', async () => {
    const blocked = await accounts.trialRanOut('fr-crm');
    expect(await get(blocked)).toMatchObject({ edition: 'dream-team', status: 'blocked', features: [], validUntil: null });
    const free = await accounts.trialRanOut('ro-crm');
    expect(await get(free)).toMatchObject({
      catalog: 'ro-crm',
      edition: 'standard',
      status: 'free',
      features: ['contacts', 'deals', 'tasks'],
      validUntil: null,
    });
  });

  it("counts the account's users as the seats used", async () => {
    const accountId = await accounts.trial('ro-crm');
    const seats = new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
    for (let i = 0; i < 3; i++)
      await seats.execute(
        ChangeSeatsCommand.create({ accountId, userId: randomUUID(), change: 'joined' }),
        new RecordingUnitOfWork(),
      );
    const result = await get(accountId);
    expect(result.usage).toEqual({ seats: 4, storageBytes: 0 });
    expect(result.version).toBe(accounts.row(accountId).version);
  });

  it('answers not found for an account without a subscription', async () => {
    await expect(get(randomUUID())).rejects.toMatchObject({
      code: SubscriptionsErrorCode.SubscriptionNotFound,
      kind: 'not-found',
    });
  });
});
