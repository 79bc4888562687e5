import { SubscriptionChangedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { TRIAL_END_JOB } from '../../trial-schedule';
import { ChangeSeatsCommand } from '../change-seats/change-seats.command';
import { ChangeSeatsUseCase } from '../change-seats/change-seats.use-case';
import { ChangeEditionCommand } from './change-edition.command';
import { ChangeEditionUseCase } from './change-edition.use-case';

describe('ChangeEditionUseCase (C2, C5, T2)', () => {
  let accounts: SubscribedAccounts;
  let changeEdition: ChangeEditionUseCase;

  const change = (accountId: string, edition: string, uow = new RecordingUnitOfWork()) =>
    changeEdition.execute(ChangeEditionCommand.create({ accountId, edition }), uow);

  /** fr-crm monthly from 2027-01-05 (Paris): the period is 2027-01-05 to 2027-02-04, 30 days. */
  const monthly = (edition: string, seats: number) =>
    accounts.bought('fr-crm', { edition, term: 'monthly', seats, at: '2027-01-05T10:00:00.000Z' });

  const refusal = (fields: { field: string; reason: unknown }[]) => ({
    code: SubscriptionsErrorCode.ChangeRefused,
    kind: 'unprocessable',
    fields,
  });

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    changeEdition = new ChangeEditionUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
  });

  it('switches the edition of a trial at once, with no charge, and keeps the trial end (T2)', async () => {
    const accountId = await accounts.trial('fr-crm');
    const { id } = accounts.row(accountId);
    const uow = new RecordingUnitOfWork();
    const saved = await change(accountId, 'sales-essentials', uow);
    expect(saved).toMatchObject({ edition: 'sales-essentials', status: 'trialing', pendingEdition: null });
    expect(accounts.row(accountId).edition).toBe('sales-essentials');
    expect(accounts.charges.rows).toHaveLength(0);
    expect(accounts.jobs.pending(TRIAL_END_JOB, id)).toBeDefined();
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'trial-edition-changed', edition: 'sales-essentials', status: 'trialing' }),
    ]);
    await change(accountId, 'solopreneur');
    expect(accounts.row(accountId)).toMatchObject({ edition: 'solopreneur', status: 'trialing' });
  });

  it('upgrades a monthly at once and charges the price difference for the seats and the days left (C2)', async () => {
    const accountId = await monthly('sales-essentials', 2);
    const { id } = accounts.row(accountId);
    accounts.clock.set('2027-01-22T10:00:00.000Z');
    const uow = new RecordingUnitOfWork();
    const saved = await change(accountId, 'dream-team', uow);
    expect(saved).toMatchObject({ edition: 'dream-team', status: 'active', seats: 2, pendingEdition: null });

    // Dream Team 39.00 − Sales Essentials 19.00 = 20.00 EUR a seat for 30 days; 2027-01-22 up to
    // 2027-02-04 is 13 days: 2000 × 13 / 30 = 866.67 → 867 (half-up), for each of the 2 seats.
    const unitPriceMinor = Math.floor(((3900 - 1900) * 13) / 30 + 0.5);
    expect(unitPriceMinor).toBe(867);
    expect(accounts.charges.rows).toEqual([
      {
        id: expect.any(String),
        accountId,
        subscriptionId: id,
        cause: `upgrade:${id}:${saved.version}`,
        code: 'dream-team/monthly/upgrade',
        description: 'Sales Essentials → Dream Team, per user, 2027-01-22 – 2027-02-03 (13/30 days)',
        quantity: 2,
        unitPriceMinor,
        serviceStart: '2027-01-22',
        serviceEnd: '2027-02-04',
        days: 13,
        periodDays: 30,
        createdAt: new Date('2027-01-22T10:00:00.000Z'),
        billedBy: null,
      },
    ]);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'upgraded', edition: 'dream-team', currentPeriodEnd: '2027-02-04' }),
    ]);
  });

  it('bills an upgrade of a prepaid period at once (ro-crm Premium to Ultimate)', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const uow = new RecordingUnitOfWork();
    await change(accountId, 'ultimate', uow);
    // (89.00 − 49.00) RON × 16 / 31 days = 20.6451… → 20.65 RON.
    const unitPriceMinor = Math.floor(((8900 - 4900) * 16) / 31 + 0.5);
    expect(unitPriceMinor).toBe(2065);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        edition: 'ultimate',
        reason: 'proration',
        periodStart: '2027-01-20',
        periodEnd: '2027-02-05',
        lines: [
          expect.objectContaining({
            code: 'ultimate/prepaid-1/upgrade',
            description: 'Premium → Ultimate, per user, 2027-01-20 – 2027-02-04 (16/31 days)',
            quantity: 1,
            unitPriceMinor,
          }),
        ],
      }),
    ]);
  });

  it('schedules a downgrade of a monthly for the period end, with no charge', async () => {
    const accountId = await monthly('dream-team', 3);
    accounts.clock.set('2027-01-22T10:00:00.000Z');
    const uow = new RecordingUnitOfWork();
    const saved = await change(accountId, 'sales-essentials', uow);
    expect(saved).toMatchObject({ edition: 'dream-team', pendingEdition: 'sales-essentials', seats: 3 });
    expect(accounts.charges.rows).toHaveLength(0);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'downgrade-scheduled', edition: 'dream-team', pendingEdition: 'sales-essentials' }),
    ]);
  });

  it('cancels a scheduled downgrade when the current edition is chosen again', async () => {
    const accountId = await monthly('dream-team', 3);
    accounts.clock.set('2027-01-22T10:00:00.000Z');
    await change(accountId, 'sales-essentials');
    const uow = new RecordingUnitOfWork();
    const saved = await change(accountId, 'dream-team', uow);
    expect(saved).toMatchObject({ edition: 'dream-team', pendingEdition: null });
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([expect.objectContaining({ change: 'downgrade-cancelled' })]);
    expect(uow.dataOf(SubscriptionChangedV1)[0]).not.toHaveProperty('pendingEdition');
  });

  it('refuses a downgrade of a prepaid period: it runs to its end', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'ultimate',
      term: 'prepaid-6',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const before = { ...accounts.row(accountId) };
    const uow = new RecordingUnitOfWork();
    await expect(change(accountId, 'premium', uow)).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: expect.stringContaining('prepaid Ultimate period runs to its end') }]),
    );
    expect(accounts.row(accountId)).toEqual(before);
    expect(uow.emitted).toHaveLength(0);
  });

  it('refuses Solopreneur to an account of 2 users (C3), naming the edition', async () => {
    const accountId = await accounts.trial('fr-crm');
    await new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    ).execute(ChangeSeatsCommand.create({ accountId, userId: randomUUID(), change: 'joined' }), new RecordingUnitOfWork());
    await expect(change(accountId, 'solopreneur')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'Solopreneur is for at most 1 user(s); the account has 2' }]),
    );
    const bought = await monthly('dream-team', 2);
    await expect(change(bought, 'solopreneur')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'Solopreneur is for at most 1 user(s); the account has 2' }]),
    );
    expect(accounts.row(accountId).edition).toBe('dream-team');
    expect(accounts.row(bought)).toMatchObject({ edition: 'dream-team', pendingEdition: null });
  });

  it('refuses a free or blocked account (it buys instead), the free edition, the current one and an unknown one', async () => {
    const free = await accounts.trialRanOut('ro-crm');
    await expect(change(free, 'premium')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'the account is free: buy an edition instead (purchase)' }]),
    );
    const blocked = await accounts.trialRanOut('fr-crm');
    await expect(change(blocked, 'sales-essentials')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'the account is blocked: buy an edition instead (purchase)' }]),
    );
    const trial = await accounts.trial('ro-crm');
    await expect(change(trial, 'standard')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'is free: it follows the end of the paid period' }]),
    );
    await expect(change(trial, 'ultimate')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'is the current edition' }]),
    );
    await expect(change(trial, 'gold')).rejects.toMatchObject(
      refusal([{ field: 'edition', reason: 'is not an edition of ro-crm: standard, premium, ultimate' }]),
    );
    await expect(change(randomUUID(), 'premium')).rejects.toMatchObject({
      code: SubscriptionsErrorCode.SubscriptionNotFound,
      kind: 'not-found',
    });
    expect(accounts.row(free)).toMatchObject({ status: 'free', edition: 'standard' });
    expect(accounts.row(blocked)).toMatchObject({ status: 'blocked', edition: 'dream-team' });
  });
});
