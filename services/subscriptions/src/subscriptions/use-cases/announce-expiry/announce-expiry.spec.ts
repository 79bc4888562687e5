import { SubscriptionExpiringV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { EXPIRING_NOTICE_JOB, EXPIRY_JOB, RENEWAL_JOB } from '../../period-schedule';
import { BuyOptions, SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { PurchaseCommand } from '../purchase/purchase.command';
import { ExpireSubscriptionCommand } from '../expire-subscription/expire-subscription.command';
import { ExpireSubscriptionUseCase } from '../expire-subscription/expire-subscription.use-case';
import { AnnounceExpiryCommand } from './announce-expiry.command';
import { AnnounceExpiryUseCase } from './announce-expiry.use-case';

describe('AnnounceExpiryUseCase (B6)', () => {
  let accounts: SubscribedAccounts;
  let announce: AnnounceExpiryUseCase;

  /** ro-crm Premium prepaid for 6 months from 2027-01-05 (Bucharest): paid up to 2027-07-04. */
  const premiumForSixMonths = (options: Partial<BuyOptions> = {}) =>
    accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-6',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
      ...options,
    });

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    announce = new AnnounceExpiryUseCase(accounts.catalogs, accounts.repository);
  });

  it('announces the last day paid for, the instant the period ends, the owner and the language, 10 days before', async () => {
    const accountId = await premiumForSixMonths({ ownerEmail: 'patron@firma.ro', locale: 'ro' });
    const command = AnnounceExpiryCommand.create(accounts.periodJob(EXPIRING_NOTICE_JOB, accountId));
    // 10 days before 2027-07-05, at the start of the day in Bucharest (UTC+3 in summer).
    expect(command).toMatchObject({ periodEnd: '2027-07-05', dueAt: new Date('2027-06-24T21:00:00.000Z') });
    const uow = new RecordingUnitOfWork();
    await announce.execute(command, uow);
    expect(uow.dataOf(SubscriptionExpiringV1)).toEqual([
      {
        accountId,
        subscriptionId: accounts.row(accountId).id,
        catalog: 'ro-crm',
        edition: 'premium',
        expiresOn: '2027-07-04',
        expiresAt: '2027-07-04T21:00:00.000Z',
        freeEdition: 'standard',
        locale: 'ro',
        ownerEmail: 'patron@firma.ro',
      },
    ]);
    expect(uow.emitted).toHaveLength(1);
    expect(accounts.row(accountId)).toMatchObject({ status: 'active', edition: 'premium' });
  });

  it('leaves out the owner and the language when the sign-up did not carry them', async () => {
    const accountId = await premiumForSixMonths();
    const uow = new RecordingUnitOfWork();
    await announce.execute(AnnounceExpiryCommand.create(accounts.periodJob(EXPIRING_NOTICE_JOB, accountId)), uow);
    const [notice] = uow.dataOf(SubscriptionExpiringV1);
    expect(notice).toMatchObject({ expiresOn: '2027-07-04', expiresAt: '2027-07-04T21:00:00.000Z' });
    expect(notice).not.toHaveProperty('ownerEmail');
    expect(notice).not.toHaveProperty('locale');
  });

  it('announces nothing for a period extended meanwhile, one expired, or a monthly subscription', async () => {
    const extended = await premiumForSixMonths({ locale: 'ro' });
    const stale = AnnounceExpiryCommand.create(accounts.periodJob(EXPIRING_NOTICE_JOB, extended));
    accounts.clock.set('2027-03-01T10:00:00.000Z');
    await accounts
      .purchase()
      .execute(
        PurchaseCommand.create({ accountId: extended, edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }),
        new RecordingUnitOfWork(),
      );
    expect(accounts.row(extended).currentPeriodEnd).toBe('2027-08-05');
    const afterExtension = new RecordingUnitOfWork();
    await announce.execute(stale, afterExtension);
    expect(afterExtension.emitted).toHaveLength(0);

    const expired = await premiumForSixMonths();
    const notice = AnnounceExpiryCommand.create(accounts.periodJob(EXPIRING_NOTICE_JOB, expired));
    await new ExpireSubscriptionUseCase(accounts.catalogs, accounts.repository).execute(
      ExpireSubscriptionCommand.create(accounts.periodJob(EXPIRY_JOB, expired)),
      new RecordingUnitOfWork(),
    );
    const afterExpiry = new RecordingUnitOfWork();
    await announce.execute(notice, afterExpiry);
    expect(afterExpiry.emitted).toHaveLength(0);

    const monthly = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const uow = new RecordingUnitOfWork();
    await announce.execute(AnnounceExpiryCommand.create(accounts.periodJob(RENEWAL_JOB, monthly)), uow);
    expect(uow.emitted).toHaveLength(0);
  });
});
