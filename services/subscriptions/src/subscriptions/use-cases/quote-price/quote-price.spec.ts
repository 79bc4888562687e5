import { SubscriptionActivatedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { ChangeEditionCommand } from '../change-edition/change-edition.command';
import { ChangeEditionUseCase } from '../change-edition/change-edition.use-case';
import { PurchaseCommand } from '../purchase/purchase.command';
import { QuotePriceCommand, QuotePriceInput } from './quote-price.command';
import { QuotePriceUseCase } from './quote-price.use-case';

describe('QuotePriceUseCase (the price preview)', () => {
  let accounts: SubscribedAccounts;
  let changeEdition: ChangeEditionUseCase;
  let quotePrice: QuotePriceUseCase;

  /** Quotes, and checks that nothing was written or published on the way. */
  async function quote(input: QuotePriceInput) {
    const before = JSON.stringify([...accounts.subscriptions.rows.values(), accounts.charges.rows, accounts.jobs]);
    const uow = new RecordingUnitOfWork();
    try {
      return await quotePrice.execute(QuotePriceCommand.create(input), uow);
    } finally {
      expect(uow.emitted).toHaveLength(0);
      expect(JSON.stringify([...accounts.subscriptions.rows.values(), accounts.charges.rows, accounts.jobs])).toBe(before);
    }
  }

  const monthly = (edition: string, seats: number) =>
    accounts.bought('fr-crm', { edition, term: 'monthly', seats, at: '2027-01-05T10:00:00.000Z' });

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    changeEdition = new ChangeEditionUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.duePeriods,
    );
    quotePrice = new QuotePriceUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.chargesRepository,
      accounts.clocks,
      accounts.purchase(),
      changeEdition,
    );
  });

  it('prices a purchase from a trial as the purchase then charges it, with the renewal that follows', async () => {
    const accountId = await accounts.trial('fr-crm', { createdAt: '2027-01-01T09:00:00.000Z' });
    accounts.clock.set('2027-01-05T10:00:00.000Z');
    const input = { accountId, edition: 'dream-team', term: 'monthly', seats: 2, paymentMethod: 'card' } as const;
    const answer = await quote({ kind: 'purchase', ...input });
    expect(answer).toEqual({
      kind: 'purchase',
      currency: 'EUR',
      lines: [
        {
          description: 'Dream Team (monthly), 2027-01-05 – 2027-02-03',
          quantity: 2,
          unitAmount: 3900,
          amount: 7800,
          periodStart: '2027-01-05',
          periodEnd: '2027-02-04',
          proration: false,
        },
      ],
      subtotal: 7800,
      taxNote: 'vat.added-on-invoice',
      total: 7800,
      chargedNow: 7800,
      nextRenewal: { date: '2027-02-04', amount: 7800 },
      explanation: [
        {
          code: 'purchase.period',
          values: { edition: 'dream-team', term: 'monthly', seats: 2, start: '2027-01-05', end: '2027-02-04' },
        },
        { code: 'purchase.trial-ends', values: { trialEndsOn: accounts.row(accountId).trialEndsOn! } },
        { code: 'renewal.next', values: { date: '2027-02-04', amount: 7800 } },
      ],
    });
    // The purchase itself charges the same line.
    const uow = new RecordingUnitOfWork();
    await accounts.purchase().execute(PurchaseCommand.create(input), uow);
    const [activated] = uow.dataOf(SubscriptionActivatedV1);
    expect(activated!.lines).toEqual([
      expect.objectContaining({ description: answer.lines[0]!.description, quantity: 2, unitPriceMinor: 3900 }),
    ]);
  });

  it('prices the extension of a running prepaid period from its expiry (B2), with no renewal', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const answer = await quote({
      kind: 'purchase',
      accountId,
      edition: 'premium',
      term: 'prepaid-6',
      seats: 1,
      paymentMethod: 'card',
    });
    expect(answer).toMatchObject({
      currency: 'RON',
      lines: [{ periodStart: '2027-02-05', periodEnd: '2027-08-05', quantity: 1, proration: false }],
      explanation: [
        { code: 'purchase.extension', values: { from: '2027-02-05', to: '2027-08-05' } },
        { code: 'prepaid.expires', values: { date: '2027-08-05' } },
      ],
    });
    expect(answer.chargedNow).toBe(answer.total);
    expect(answer.nextRenewal).toBeUndefined();
  });

  it('prices an upgrade of a monthly as the change then charges it: prorated, on the next invoice (C2)', async () => {
    const accountId = await monthly('sales-essentials', 2);
    accounts.clock.set('2027-01-22T10:00:00.000Z');
    const answer = await quote({ kind: 'change', accountId, edition: 'dream-team' });
    // (39.00 − 19.00) EUR × 13 / 30 days = 8.67 EUR a seat, for 2 seats.
    expect(answer).toEqual({
      kind: 'change',
      currency: 'EUR',
      lines: [
        {
          description: 'Sales Essentials → Dream Team, per user, 2027-01-22 – 2027-02-03 (13/30 days)',
          quantity: 2,
          unitAmount: 867,
          amount: 1734,
          periodStart: '2027-01-22',
          periodEnd: '2027-02-04',
          proration: true,
        },
      ],
      subtotal: 1734,
      taxNote: 'vat.added-on-invoice',
      total: 1734,
      chargedNow: 0,
      nextRenewal: { date: '2027-02-04', amount: 2 * 3900 + 1734 },
      explanation: [
        {
          code: 'proration.credit-unused',
          values: { edition: 'sales-essentials', days: 13, periodDays: 30, from: '2027-01-22', to: '2027-02-04' },
        },
        {
          code: 'proration.charge-remaining',
          values: {
            edition: 'dream-team',
            days: 13,
            periodDays: 30,
            from: '2027-01-22',
            to: '2027-02-04',
            unitDifference: 2000,
            amount: 1734,
          },
        },
        { code: 'proration.on-next-invoice', values: { date: '2027-02-04', amount: 1734 } },
        { code: 'renewal.next', values: { date: '2027-02-04', amount: 9534 } },
      ],
    });
    await changeEdition.execute(ChangeEditionCommand.create({ accountId, edition: 'dream-team' }), new RecordingUnitOfWork());
    expect(accounts.charges.rows.map((c) => [c.description, c.quantity, c.unitPriceMinor])).toEqual([
      [answer.lines[0]!.description, 2, 867],
    ]);
  });

  it('charges a prepaid upgrade now, as the change bills it', async () => {
    const accountId = await accounts.bought('ro-crm', {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    accounts.clock.set('2027-01-20T10:00:00.000Z');
    const answer = await quote({ kind: 'change', accountId, edition: 'ultimate' });
    expect(answer).toMatchObject({ total: 2065, chargedNow: 2065, currency: 'RON' });
    expect(answer.nextRenewal).toBeUndefined();
    const uow = new RecordingUnitOfWork();
    await changeEdition.execute(ChangeEditionCommand.create({ accountId, edition: 'ultimate' }), uow);
    expect(uow.dataOf(SubscriptionRenewalDueV1)[0]!.lines.map((l) => l.unitPriceMinor * l.quantity)).toEqual([answer.chargedNow]);
  });

  it('prices a downgrade at nothing now and the lower edition at the renewal', async () => {
    const accountId = await monthly('dream-team', 3);
    accounts.clock.set('2027-01-22T10:00:00.000Z');
    const answer = await quote({ kind: 'change', accountId, edition: 'sales-essentials' });
    expect(answer).toMatchObject({
      lines: [],
      total: 0,
      chargedNow: 0,
      nextRenewal: { date: '2027-02-04', amount: 3 * 1900 },
      explanation: [
        { code: 'change.at-period-end', values: { edition: 'sales-essentials', date: '2027-02-04' } },
        { code: 'renewal.next', values: { date: '2027-02-04', amount: 5700 } },
      ],
    });
  });

  it('prices a change of the trial edition at nothing', async () => {
    const accountId = await accounts.trial('fr-crm');
    const answer = await quote({ kind: 'change', accountId, edition: 'sales-essentials' });
    expect(answer).toMatchObject({ lines: [], total: 0, chargedNow: 0, explanation: [{ code: 'trial.edition-changed' }] });
    expect(answer.nextRenewal).toBeUndefined();
  });

  it('refuses what the purchase and the change refuse, with their codes and fields', async () => {
    const trialing = await accounts.trial('fr-crm');
    await expect(
      quote({ kind: 'purchase', accountId: trialing, edition: 'nope', term: 'monthly', seats: 1, paymentMethod: 'card' }),
    ).rejects.toMatchObject({
      code: SubscriptionsErrorCode.PurchaseRefused,
      fields: [expect.objectContaining({ field: 'edition' })],
    });
    const prepaid = await accounts.bought('ro-crm', {
      edition: 'ultimate',
      term: 'prepaid-1',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    await expect(quote({ kind: 'change', accountId: prepaid, edition: 'premium' })).rejects.toMatchObject({
      code: SubscriptionsErrorCode.ChangeRefused,
      fields: [expect.objectContaining({ field: 'edition', reason: expect.stringContaining('runs to its end') })],
    });
    await expect(quote({ kind: 'change', accountId: randomUUID(), edition: 'premium' })).rejects.toMatchObject({
      code: SubscriptionsErrorCode.SubscriptionNotFound,
    });
    expect(() =>
      QuotePriceCommand.create({
        kind: 'purchase',
        accountId: trialing,
        edition: 'x',
        term: 'weekly' as never,
        seats: 0,
        paymentMethod: 'card',
      }),
    ).toThrow(expect.objectContaining({ fields: expect.arrayContaining([expect.objectContaining({ field: 'term' })]) }));
  });
});
