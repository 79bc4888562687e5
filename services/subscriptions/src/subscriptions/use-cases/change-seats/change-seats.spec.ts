import { SubscriptionChangedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { ChangeSeatsCommand } from './change-seats.command';
import { ChangeSeatsUseCase } from './change-seats.use-case';

describe('ChangeSeatsUseCase (B5, A4)', () => {
  let accounts: SubscribedAccounts;
  let changeSeats: ChangeSeatsUseCase;

  const seatChange = async (accountId: string, userId: string, change: 'joined' | 'removed') => {
    const uow = new RecordingUnitOfWork();
    await changeSeats.execute(ChangeSeatsCommand.create({ accountId, userId, change }), uow);
    return uow;
  };

  /** fr-crm Dream Team monthly of 1 seat from 2027-01-05 (Paris): the period is 2027-01-05 to 2027-02-04, 30 days. */
  const monthlyOfOneSeat = () =>
    accounts.bought('fr-crm', { edition: 'dream-team', term: 'monthly', seats: 1, at: '2027-01-05T10:00:00.000Z' });

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    changeSeats = new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
  });

  it('adds a seat for a user who joins mid-period, charged for the days left on the next invoice', async () => {
    const accountId = await monthlyOfOneSeat();
    const { id } = accounts.row(accountId);
    const userId = randomUUID();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const uow = await seatChange(accountId, userId, 'joined');

    expect(accounts.row(accountId)).toMatchObject({ seats: 2, users: 2, pendingSeats: null });
    // 2027-01-20 up to 2027-02-04 is 15 of the period's 30 days: 39.00 EUR × 15 / 30 = 19.50 EUR.
    const unitPriceMinor = Math.floor((3900 * 15) / 30 + 0.5);
    expect(unitPriceMinor).toBe(1950);
    expect(accounts.charges.rows).toEqual([
      {
        id: expect.any(String),
        accountId,
        subscriptionId: id,
        cause: `seat:${userId}`,
        code: 'dream-team/monthly/seat-added',
        description: 'Dream Team: 1 user(s) added, 2027-01-20 – 2027-02-03 (15/30 days)',
        quantity: 1,
        unitPriceMinor,
        serviceStart: '2027-01-20',
        serviceEnd: '2027-02-04',
        days: 15,
        periodDays: 30,
        createdAt: new Date('2027-01-20T10:00:00.000Z'),
        billedBy: null,
      },
    ]);
    // Monthly: the charge waits for the renewal; nothing is billed now.
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({
        change: 'seats-added',
        seats: 2,
        maxSeats: 1000,
        status: 'active',
        changedAt: '2027-01-20T10:00:00.000Z',
      }),
    ]);
  });

  it('counts a redelivered join once: no second seat, no second charge, nothing emitted', async () => {
    const accountId = await monthlyOfOneSeat();
    const userId = randomUUID();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    await seatChange(accountId, userId, 'joined');
    const before = { ...accounts.row(accountId) };
    const again = await seatChange(accountId, userId, 'joined');
    expect(again.emitted).toHaveLength(0);
    expect(accounts.row(accountId)).toEqual(before);
    expect(accounts.charges.rows).toHaveLength(1);
  });

  it('releases the seat of a user who leaves at the period end, with no charge or credit; a later join takes it back free', async () => {
    const accountId = await monthlyOfOneSeat();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const leaving = randomUUID();
    await seatChange(accountId, leaving, 'joined');
    accounts.clock.set('2027-01-25T10:00:00.000Z');
    const removed = await seatChange(accountId, leaving, 'removed');
    expect(accounts.row(accountId)).toMatchObject({ seats: 2, users: 1, pendingSeats: 1 });
    expect(accounts.charges.rows).toHaveLength(1);
    expect(removed.dataOf(SubscriptionChangedV1)).toEqual([expect.objectContaining({ change: 'seats-released', seats: 2 })]);
    expect(removed.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);

    const joined = await seatChange(accountId, randomUUID(), 'joined');
    expect(accounts.row(accountId)).toMatchObject({ seats: 2, users: 2, pendingSeats: 2 });
    expect(accounts.charges.rows).toHaveLength(1);
    expect(joined.dataOf(SubscriptionChangedV1)).toEqual([expect.objectContaining({ change: 'users-changed', seats: 2 })]);
  });

  it('lets seats follow users during a trial (T2), with no charge', async () => {
    const accountId = await accounts.trial('fr-crm');
    const uow = await seatChange(accountId, randomUUID(), 'joined');
    expect(accounts.row(accountId)).toMatchObject({ status: 'trialing', seats: 2, users: 2, pendingSeats: null });
    expect(accounts.charges.rows).toHaveLength(0);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'seats-added', status: 'trialing', seats: 2 }),
    ]);
    await seatChange(accountId, randomUUID(), 'removed');
    expect(accounts.row(accountId)).toMatchObject({ seats: 1, users: 1, pendingSeats: null });
  });

  it('bills a seat added to a prepaid ro-crm period at once, with only the prorated line (reason proration)', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const { id } = accounts.row(accountId);
    expect(accounts.row(accountId).currentPeriodEnd).toBe('2027-02-05');
    const userId = randomUUID();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const uow = await seatChange(accountId, userId, 'joined');

    // 2027-01-20 up to 2027-02-05 is 16 of the month's 31 days: 49.00 RON × 16 / 31 = 25.2903… → 25.29 RON.
    const unitPriceMinor = Math.floor((4900 * 16) / 31 + 0.5);
    expect(unitPriceMinor).toBe(2529);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      {
        accountId,
        subscriptionId: id,
        catalog: 'ro-crm',
        sellerEntity: 'obolus-ro',
        edition: 'premium',
        term: 'prepaid-1',
        seats: 2,
        currency: 'RON',
        paymentMethod: 'card',
        periodStart: '2027-01-20',
        periodEnd: '2027-02-05',
        reason: 'proration',
        lines: [
          {
            code: 'premium/prepaid-1/seat-added',
            description: 'Premium: 1 user(s) added, 2027-01-20 – 2027-02-04 (16/31 days)',
            quantity: 1,
            unitPriceMinor,
            servicePeriod: { start: '2027-01-20', end: '2027-02-05', days: 16, periodDays: 31 },
          },
        ],
        dueAt: '2027-01-20T10:00:00.000Z',
      },
    ]);
    expect(accounts.charges.rows.map((charge) => charge.billedBy)).toEqual([`seat:${userId}`]);
    expect(accounts.row(accountId)).toMatchObject({ seats: 2, users: 2 });
  });

  it('ignores an account without a subscription, and refuses a command without ids', async () => {
    const uow = await seatChange(randomUUID(), randomUUID(), 'joined');
    expect(uow.emitted).toHaveLength(0);
    expect(() => ChangeSeatsCommand.create({ accountId: 'x', userId: 'y', change: 'joined' })).toThrow(InvalidCommandError);
  });
});
