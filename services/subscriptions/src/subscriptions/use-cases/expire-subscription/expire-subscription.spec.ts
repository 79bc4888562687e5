import {
  EntitlementsChangedV1,
  SubscriptionChangedV1,
  SubscriptionDowngradedV1,
  SubscriptionExpiredV1,
  SubscriptionRenewalDueV1,
} from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { EXPIRY_JOB, RENEWAL_JOB } from '../../period-schedule';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { PurchaseCommand } from '../purchase/purchase.command';
import { ExpireSubscriptionCommand } from './expire-subscription.command';
import { ExpireSubscriptionUseCase } from './expire-subscription.use-case';

describe('ExpireSubscriptionUseCase (B3)', () => {
  let accounts: SubscribedAccounts;
  let expire: ExpireSubscriptionUseCase;

  /** ro-crm Premium prepaid for a month from 2027-01-05 (Bucharest): paid up to 2027-02-04, expiring on 2027-02-05. */
  const premiumForAMonth = (seats = 2) =>
    accounts.bought('ro-crm', { edition: 'premium', term: 'prepaid-1', seats, at: '2027-01-05T10:00:00.000Z' });

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    expire = new ExpireSubscriptionUseCase(accounts.catalogs, accounts.repository);
  });

  it('moves an unextended Premium period to Standard, free, and says so with expired, downgraded and changed', async () => {
    const accountId = await premiumForAMonth();
    const subscriptionId = accounts.row(accountId).id;
    const command = ExpireSubscriptionCommand.create(accounts.periodJob(EXPIRY_JOB, accountId));
    // The period ends at the start of 2027-02-05 in Bucharest (UTC+2 in winter).
    expect(command).toMatchObject({ periodEnd: '2027-02-05', dueAt: new Date('2027-02-04T22:00:00.000Z') });
    const uow = new RecordingUnitOfWork();
    await expire.execute(command, uow);

    expect(accounts.row(accountId)).toMatchObject({
      edition: 'standard',
      status: 'free',
      term: null,
      seats: 2,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      pendingEdition: null,
      pendingSeats: null,
      updatedAt: new Date('2027-02-04T22:00:00.000Z'),
    });
    expect(uow.emitted.map((event) => event.type)).toEqual([
      SubscriptionExpiredV1.type,
      SubscriptionDowngradedV1.type,
      SubscriptionChangedV1.type,
      EntitlementsChangedV1.type,
    ]);
    expect(uow.dataOf(SubscriptionExpiredV1)).toEqual([
      {
        accountId,
        subscriptionId,
        catalog: 'ro-crm',
        edition: 'premium',
        toEdition: 'standard',
        expiredOn: '2027-02-04',
        expiredAt: '2027-02-04T22:00:00.000Z',
      },
    ]);
    expect(uow.dataOf(SubscriptionDowngradedV1)).toEqual([
      {
        accountId,
        subscriptionId,
        catalog: 'ro-crm',
        fromEdition: 'premium',
        toEdition: 'standard',
        status: 'free',
        reason: 'expired',
        effectiveAt: '2027-02-04T22:00:00.000Z',
      },
    ]);
    const [changed] = uow.dataOf(SubscriptionChangedV1);
    expect(changed).toMatchObject({
      change: 'expired',
      edition: 'standard',
      status: 'free',
      seats: 2,
      maxSeats: 1000,
      changedAt: '2027-02-04T22:00:00.000Z',
    });
    expect(changed).not.toHaveProperty('term');
    expect(changed).not.toHaveProperty('currentPeriodEnd');
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
  });

  it('does nothing for the job of a period extended meanwhile (B2), which got an expiry of its own', async () => {
    const accountId = await premiumForAMonth();
    const subscriptionId = accounts.row(accountId).id;
    const stale = ExpireSubscriptionCommand.create(accounts.periodJob(EXPIRY_JOB, accountId));
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    await accounts
      .purchase()
      .execute(
        PurchaseCommand.create({ accountId, edition: 'premium', term: 'prepaid-1', seats: 2, paymentMethod: 'card' }),
        new RecordingUnitOfWork(),
      );
    expect(accounts.row(accountId).currentPeriodEnd).toBe('2027-03-05');
    expect(accounts.jobs.pending(EXPIRY_JOB, `${subscriptionId}:2027-02-05`)).toBeUndefined();
    expect(accounts.jobs.pending(EXPIRY_JOB, `${subscriptionId}:2027-03-05`)!.dueAt.toISOString()).toBe(
      '2027-03-04T22:00:00.000Z',
    );
    const before = { ...accounts.row(accountId) };
    const uow = new RecordingUnitOfWork();
    await expire.execute(stale, uow);
    expect(uow.emitted).toHaveLength(0);
    expect(accounts.row(accountId)).toEqual(before);
  });

  it('expires once, and never a monthly subscription or another subscription', async () => {
    const accountId = await premiumForAMonth();
    const command = ExpireSubscriptionCommand.create(accounts.periodJob(EXPIRY_JOB, accountId));
    const otherSubscription = new RecordingUnitOfWork();
    await expire.execute(ExpireSubscriptionCommand.create({ ...command, subscriptionId: randomUUID() }), otherSubscription);
    expect(otherSubscription.emitted).toHaveLength(0);
    expect(accounts.row(accountId).status).toBe('active');

    await expire.execute(command, new RecordingUnitOfWork());
    const again = new RecordingUnitOfWork();
    await expire.execute(command, again);
    expect(again.emitted).toHaveLength(0);
    expect(accounts.row(accountId)).toMatchObject({ status: 'free', edition: 'standard' });

    const monthly = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const uow = new RecordingUnitOfWork();
    await expire.execute(ExpireSubscriptionCommand.create(accounts.periodJob(RENEWAL_JOB, monthly)), uow);
    expect(uow.emitted).toHaveLength(0);
    expect(accounts.row(monthly)).toMatchObject({ status: 'active', currentPeriodEnd: '2027-02-04' });
  });
});
