import { StaffActionTakenV1, SubscriptionChangedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { RENEWAL_JOB } from '../../period-schedule';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { SUPPORT } from '../../test-support/staff';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { ChangeSeatsCommand } from '../change-seats/change-seats.command';
import { ChangeSeatsUseCase } from '../change-seats/change-seats.use-case';
import { BillEarlyCommand } from './bill-early.command';
import { BillEarlyUseCase } from './bill-early.use-case';

describe('BillEarlyUseCase (B4)', () => {
  let accounts: SubscribedAccounts;
  let billEarly: BillEarlyUseCase;

  const bill = (accountId: string, uow = new RecordingUnitOfWork()) =>
    billEarly.execute(BillEarlyCommand.create({ ...SUPPORT, accountId }), uow);

  /** fr-crm Dream Team monthly of 2 seats from 2027-01-05 (Paris): the period is 2027-01-05 to 2027-02-04. */
  const monthly = () =>
    accounts.bought('fr-crm', { edition: 'dream-team', term: 'monthly', seats: 2, at: '2027-01-05T10:00:00.000Z' });

  const notBillable = {
    code: SubscriptionsErrorCode.NotBillable,
    kind: 'conflict',
    message: expect.stringContaining('prepaid ones are extended by buying'),
  };

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    billEarly = new BillEarlyUseCase(accounts.catalogs, accounts.repository, accounts.clocks, accounts.duePeriods);
  });

  it('bills the period after the current one today, and records it as billed through its end', async () => {
    const accountId = await monthly();
    const { id } = accounts.row(accountId);
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const uow = new RecordingUnitOfWork();
    const saved = await bill(accountId, uow);
    expect(saved).toMatchObject({
      currentPeriodStart: '2027-01-05',
      currentPeriodEnd: '2027-02-04',
      billedThrough: '2027-03-06',
      updatedAt: new Date('2027-01-20T10:00:00.000Z'),
    });
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      {
        accountId,
        subscriptionId: id,
        catalog: 'fr-crm',
        sellerEntity: 'obolus-fr',
        edition: 'dream-team',
        term: 'monthly',
        seats: 2,
        currency: 'EUR',
        paymentMethod: 'card',
        periodStart: '2027-02-04',
        periodEnd: '2027-03-06',
        reason: 'bill-early',
        lines: [
          {
            code: 'dream-team/monthly',
            description: 'Dream Team (monthly), 2027-02-04 – 2027-03-05',
            quantity: 2,
            unitPriceMinor: 3900,
          },
        ],
        dueAt: '2027-01-20T10:00:00.000Z',
      },
    ]);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'billed-early', currentPeriodEnd: '2027-02-04' }),
    ]);
    // Who billed early and why, for the account's audit log.
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId,
        staffUserId: SUPPORT.staffUserId,
        staffEmail: SUPPORT.staffEmail,
        action: 'subscription.bill-early',
        reason: SUPPORT.reason,
        subject: { type: 'subscription', id },
        details: { periodStart: '2027-02-04', periodEnd: '2027-03-06' },
        occurredAt: '2027-01-20T10:00:00.000Z',
      },
    ]);
    // The renewal stays where it was: at the current period's end, it only rolls over.
    expect(accounts.jobs.pending(RENEWAL_JOB, `${id}:2027-02-04`)).toBeDefined();
  });

  it('bills the period after that one when staff bill early again', async () => {
    const accountId = await monthly();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    await bill(accountId);
    accounts.clock.set('2027-01-21T10:00:00.000Z');
    const uow = new RecordingUnitOfWork();
    const saved = await bill(accountId, uow);
    expect(saved.billedThrough).toBe('2027-04-05');
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        reason: 'bill-early',
        periodStart: '2027-03-06',
        periodEnd: '2027-04-05',
        dueAt: '2027-01-21T10:00:00.000Z',
        lines: [expect.objectContaining({ description: 'Dream Team (monthly), 2027-03-06 – 2027-04-04', quantity: 2 })],
      }),
    ]);
  });

  it('carries the prorated charges waiting for the next invoice, once', async () => {
    const accountId = await monthly();
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const seats = new ChangeSeatsUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
    // The second user takes the seat paid for; the third adds one, for 15 of 30 days at 39.00 EUR.
    for (let i = 0; i < 2; i++)
      await seats.execute(
        ChangeSeatsCommand.create({ accountId, userId: randomUUID(), change: 'joined' }),
        new RecordingUnitOfWork(),
      );
    expect(accounts.charges.rows.map((charge) => [charge.quantity, charge.unitPriceMinor])).toEqual([[1, 1950]]);
    const uow = new RecordingUnitOfWork();
    await bill(accountId, uow);
    const [due] = uow.dataOf(SubscriptionRenewalDueV1);
    expect(due!.lines.map((line) => [line.code, line.quantity, line.unitPriceMinor])).toEqual([
      ['dream-team/monthly', 3, 3900],
      ['dream-team/monthly/seat-added', 1, 1950],
    ]);
    const again = new RecordingUnitOfWork();
    await bill(accountId, again);
    expect(again.dataOf(SubscriptionRenewalDueV1)[0]!.lines).toHaveLength(1);
  });

  it('refuses a prepaid, a trialing, a free and a blocked subscription, and an account without one', async () => {
    const prepaid = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const uow = new RecordingUnitOfWork();
    await expect(bill(prepaid, uow)).rejects.toMatchObject(notBillable);
    expect(uow.emitted).toHaveLength(0);
    expect(accounts.row(prepaid).billedThrough).toBeNull();
    await expect(bill(await accounts.trial('fr-crm'))).rejects.toMatchObject(notBillable);
    await expect(bill(await accounts.trialRanOut('ro-crm'))).rejects.toMatchObject(notBillable);
    await expect(bill(await accounts.trialRanOut('fr-crm'))).rejects.toMatchObject(notBillable);
    await expect(bill(randomUUID())).rejects.toMatchObject({ code: SubscriptionsErrorCode.SubscriptionNotFound });
  });

  it('needs a reason of at least 3 characters and the staff member who asks', () => {
    const accountId = randomUUID();
    expect(() => BillEarlyCommand.create({ ...SUPPORT, accountId, reason: ' x ' })).toThrow(InvalidCommandError);
    expect(() => BillEarlyCommand.create({ ...SUPPORT, accountId, reason: 'x'.repeat(501) })).toThrow(InvalidCommandError);
    expect(() => BillEarlyCommand.create({ ...SUPPORT, accountId, staffUserId: 'ana' })).toThrow(InvalidCommandError);
    expect(() => BillEarlyCommand.create({ ...SUPPORT, accountId, staffEmail: 'nobody' })).toThrow(InvalidCommandError);
  });
});
