import { SubscriptionChangedV1, SubscriptionDowngradedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { ownValue } from '../../../catalog/catalog';
import { EXPIRY_JOB, RENEWAL_JOB } from '../../period-schedule';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { SUPPORT } from '../../test-support/staff';
import { BillEarlyCommand } from '../bill-early/bill-early.command';
import { BillEarlyUseCase } from '../bill-early/bill-early.use-case';
import { ChangeEditionCommand } from '../change-edition/change-edition.command';
import { ChangeEditionUseCase } from '../change-edition/change-edition.use-case';
import { ChangeSeatsCommand } from '../change-seats/change-seats.command';
import { ChangeSeatsUseCase } from '../change-seats/change-seats.use-case';
import { RenewSubscriptionCommand } from './renew-subscription.command';
import { RenewSubscriptionUseCase } from './renew-subscription.use-case';

describe('RenewSubscriptionUseCase (B1)', () => {
  let accounts: SubscribedAccounts;
  let renew: RenewSubscriptionUseCase;

  const priceOf = (edition: string): number =>
    ownValue(accounts.catalogs.edition(accounts.catalogs.get('fr-crm'), edition)!.prices, 'monthly')!;

  /** A fr-crm monthly bought on 2027-01-05 (Paris): its first period is 2027-01-05 to 2027-02-04. */
  const monthly = (seats: number, edition = 'dream-team') =>
    accounts.bought('fr-crm', { edition, term: 'monthly', seats, at: '2027-01-05T10:00:00.000Z' });

  /** Runs the renewal job planned for the account's current period end. */
  async function runRenewal(accountId: string): Promise<{ uow: RecordingUnitOfWork; command: RenewSubscriptionCommand }> {
    const command = RenewSubscriptionCommand.create(accounts.periodJob(RENEWAL_JOB, accountId));
    const uow = new RecordingUnitOfWork();
    await renew.execute(command, uow);
    return { uow, command };
  }

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    renew = new RenewSubscriptionUseCase(accounts.catalogs, accounts.repository, accounts.scheduler, accounts.duePeriods);
  });

  it('bills the next 30 days of a Dream Team monthly of 3 seats at the catalog price, and plans the renewal after', async () => {
    const accountId = await monthly(3);
    const { id } = accounts.row(accountId);
    expect(accounts.row(accountId).currentPeriodEnd).toBe('2027-02-04');
    const { uow, command } = await runRenewal(accountId);
    // The period ends at the start of 2027-02-04 in Paris (UTC+1 in winter).
    expect(command.dueAt.toISOString()).toBe('2027-02-03T23:00:00.000Z');
    expect(priceOf('dream-team')).toBe(3900);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      {
        accountId,
        subscriptionId: id,
        catalog: 'fr-crm',
        sellerEntity: 'obolus-fr',
        edition: 'dream-team',
        term: 'monthly',
        seats: 3,
        currency: 'EUR',
        paymentMethod: 'card',
        periodStart: '2027-02-04',
        periodEnd: '2027-03-06',
        reason: 'renewal',
        lines: [
          {
            code: 'dream-team/monthly',
            description: 'Dream Team (monthly), 2027-02-04 – 2027-03-05',
            quantity: 3,
            unitPriceMinor: 3900,
          },
        ],
        dueAt: '2027-02-03T23:00:00.000Z',
      },
    ]);
    const [due] = uow.dataOf(SubscriptionRenewalDueV1);
    expect(due!.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0)).toBe(3 * 3900);
    expect(accounts.row(accountId)).toMatchObject({
      status: 'active',
      currentPeriodStart: '2027-02-04',
      currentPeriodEnd: '2027-03-06',
      billedThrough: null,
      updatedAt: new Date('2027-02-03T23:00:00.000Z'),
    });
    const next = accounts.jobs.pending(RENEWAL_JOB, `${id}:2027-03-06`)!;
    expect(next.dueAt.toISOString()).toBe('2027-03-05T23:00:00.000Z');
    expect(next.payload).toEqual({ subscriptionId: id, periodEnd: '2027-03-06' });
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({
        change: 'renewed',
        edition: 'dream-team',
        status: 'active',
        seats: 3,
        currentPeriodStart: '2027-02-04',
        currentPeriodEnd: '2027-03-06',
        changedAt: '2027-02-03T23:00:00.000Z',
      }),
    ]);
    expect(uow.dataOf(SubscriptionDowngradedV1)).toHaveLength(0);
  });

  it('does nothing for a stale job: a period renewed already, a subscription no longer active, a prepaid one, another subscription', async () => {
    const accountId = await monthly(3);
    const first = RenewSubscriptionCommand.create(accounts.periodJob(RENEWAL_JOB, accountId));
    await renew.execute(first, new RecordingUnitOfWork());
    const renewed = { ...accounts.row(accountId) };
    const jobsBefore = accounts.jobs.jobs.size;

    const again = new RecordingUnitOfWork();
    await renew.execute(first, again);
    expect(again.emitted).toHaveLength(0);
    expect(accounts.row(accountId)).toEqual(renewed);

    const other = new RecordingUnitOfWork();
    await renew.execute(
      RenewSubscriptionCommand.create({ ...accounts.periodJob(RENEWAL_JOB, accountId), subscriptionId: randomUUID() }),
      other,
    );
    expect(other.emitted).toHaveLength(0);

    accounts.row(accountId).status = 'blocked';
    const inactive = new RecordingUnitOfWork();
    await renew.execute(RenewSubscriptionCommand.create(accounts.periodJob(RENEWAL_JOB, accountId)), inactive);
    expect(inactive.emitted).toHaveLength(0);
    expect(accounts.row(accountId).currentPeriodEnd).toBe('2027-03-06');
    expect(accounts.jobs.jobs.size).toBe(jobsBefore);

    const prepaid = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const beforePrepaid = { ...accounts.row(prepaid) };
    const prepaidUow = new RecordingUnitOfWork();
    await renew.execute(RenewSubscriptionCommand.create(accounts.periodJob(EXPIRY_JOB, prepaid)), prepaidUow);
    expect(prepaidUow.emitted).toHaveLength(0);
    expect(accounts.row(prepaid)).toEqual(beforePrepaid);
  });

  it('applies a downgrade asked for during the period (C2), says so, and bills the new period at the lower edition', async () => {
    const accountId = await monthly(3);
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    await new ChangeEditionUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    ).execute(ChangeEditionCommand.create({ accountId, edition: 'sales-essentials' }), new RecordingUnitOfWork());
    expect(accounts.row(accountId)).toMatchObject({ edition: 'dream-team', pendingEdition: 'sales-essentials' });

    const { uow } = await runRenewal(accountId);
    expect(accounts.row(accountId)).toMatchObject({ edition: 'sales-essentials', pendingEdition: null, seats: 3 });
    expect(uow.dataOf(SubscriptionDowngradedV1)).toEqual([
      {
        accountId,
        subscriptionId: accounts.row(accountId).id,
        catalog: 'fr-crm',
        fromEdition: 'dream-team',
        toEdition: 'sales-essentials',
        status: 'active',
        reason: 'period-end',
        effectiveAt: '2027-02-03T23:00:00.000Z',
      },
    ]);
    expect(priceOf('sales-essentials')).toBe(1900);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        edition: 'sales-essentials',
        seats: 3,
        lines: [
          {
            code: 'sales-essentials/monthly',
            description: 'Sales Essentials (monthly), 2027-02-04 – 2027-03-05',
            quantity: 3,
            unitPriceMinor: 1900,
          },
        ],
      }),
    ]);
    const [changed] = uow.dataOf(SubscriptionChangedV1);
    expect(changed).toMatchObject({ change: 'renewed', edition: 'sales-essentials' });
    expect(changed).not.toHaveProperty('pendingEdition');
  });

  it('carries the prorated charges of the period that ended as lines with their service period, once', async () => {
    const accountId = await monthly(1);
    const { id } = accounts.row(accountId);
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    await new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    ).execute(ChangeSeatsCommand.create({ accountId, userId: randomUUID(), change: 'joined' }), new RecordingUnitOfWork());
    // One seat for 2027-01-20 to 2027-02-03: 15 of 30 days of 39.00 EUR.
    const prorated = Math.round((3900 * 15) / 30);
    expect(prorated).toBe(1950);

    const { uow } = await runRenewal(accountId);
    const [due] = uow.dataOf(SubscriptionRenewalDueV1);
    expect(due).toMatchObject({ seats: 2, periodStart: '2027-02-04', periodEnd: '2027-03-06', reason: 'renewal' });
    expect(due!.lines).toEqual([
      {
        code: 'dream-team/monthly',
        description: 'Dream Team (monthly), 2027-02-04 – 2027-03-05',
        quantity: 2,
        unitPriceMinor: 3900,
      },
      {
        code: 'dream-team/monthly/seat-added',
        description: 'Dream Team: 1 user(s) added, 2027-01-20 – 2027-02-03 (15/30 days)',
        quantity: 1,
        unitPriceMinor: prorated,
        servicePeriod: { start: '2027-01-20', end: '2027-02-04', days: 15, periodDays: 30 },
      },
    ]);
    expect(accounts.charges.rows.map((charge) => charge.billedBy)).toEqual([`${id}:2027-03-06`]);

    accounts.clock.set('2027-03-06T10:00:00.000Z');
    const { uow: second } = await runRenewal(accountId);
    expect(second.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        periodStart: '2027-03-06',
        periodEnd: '2027-04-05',
        lines: [
          {
            code: 'dream-team/monthly',
            description: 'Dream Team (monthly), 2027-03-06 – 2027-04-04',
            quantity: 2,
            unitPriceMinor: 3900,
          },
        ],
      }),
    ]);
  });

  it('releases at the period end the seats of users who left (B5): the new period bills the seats left', async () => {
    const accountId = await monthly(1);
    const seats = new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
    accounts.clock.set('2027-01-10T10:00:00.000Z');
    const userId = randomUUID();
    await seats.execute(ChangeSeatsCommand.create({ accountId, userId, change: 'joined' }), new RecordingUnitOfWork());
    await seats.execute(ChangeSeatsCommand.create({ accountId, userId, change: 'removed' }), new RecordingUnitOfWork());
    expect(accounts.row(accountId)).toMatchObject({ seats: 2, users: 1, pendingSeats: 1 });

    const { uow } = await runRenewal(accountId);
    expect(accounts.row(accountId)).toMatchObject({ seats: 1, users: 1, pendingSeats: null });
    const [due] = uow.dataOf(SubscriptionRenewalDueV1);
    expect(due!.seats).toBe(1);
    // The edition line for 1 seat, then the seat added on 2027-01-10 for 25 of 30 days: 3900 × 25 / 30 = 3250.
    expect(due!.lines.map((line) => [line.code, line.quantity, line.unitPriceMinor])).toEqual([
      ['dream-team/monthly', 1, 3900],
      ['dream-team/monthly/seat-added', 1, 3250],
    ]);
  });

  it('only rolls over a period staff billed ahead (B4): no second renewal-due, and the next one bills again', async () => {
    const accountId = await monthly(2);
    const { id } = accounts.row(accountId);
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const early = new RecordingUnitOfWork();
    await new BillEarlyUseCase(accounts.catalogs, accounts.repository, accounts.clocks, accounts.duePeriods).execute(
      BillEarlyCommand.create({ ...SUPPORT, accountId }),
      early,
    );
    expect(early.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({ reason: 'bill-early', periodStart: '2027-02-04', periodEnd: '2027-03-06' }),
    ]);

    const { uow } = await runRenewal(accountId);
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toHaveLength(0);
    expect(accounts.row(accountId)).toMatchObject({
      currentPeriodStart: '2027-02-04',
      currentPeriodEnd: '2027-03-06',
      billedThrough: '2027-03-06',
    });
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'renewed', currentPeriodEnd: '2027-03-06' }),
    ]);
    expect(accounts.jobs.pending(RENEWAL_JOB, `${id}:2027-03-06`)!.dueAt.toISOString()).toBe('2027-03-05T23:00:00.000Z');

    const { uow: next } = await runRenewal(accountId);
    expect(next.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        reason: 'renewal',
        periodStart: '2027-03-06',
        periodEnd: '2027-04-05',
        lines: [expect.objectContaining({ quantity: 2, unitPriceMinor: 3900 })],
      }),
    ]);
    expect(accounts.row(accountId).billedThrough).toBeNull();
  });
});
