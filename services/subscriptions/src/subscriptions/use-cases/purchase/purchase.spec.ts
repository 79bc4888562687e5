import { CatalogCode, SubscriptionActivatedV1, SubscriptionChangedV1, SubscriptionRenewalDueV1 } from '@obolus/contracts';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { DuePeriods } from '../../due-periods';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { InMemoryPendingCharges } from '../../test-support/in-memory-pending-charges';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemorySubscriptions } from '../../test-support/in-memory-subscriptions';
import { JobScheduler } from '@obolus/messaging';
import { EXPIRING_NOTICE_JOB, EXPIRY_JOB, RENEWAL_JOB } from '../../period-schedule';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { EndTrialCommand } from '../end-trial/end-trial.command';
import { EndTrialUseCase } from '../end-trial/end-trial.use-case';
import { StartTrialCommand } from '../start-trial/start-trial.command';
import { StartTrialUseCase } from '../start-trial/start-trial.use-case';
import { PurchaseCommand, PurchaseInput } from './purchase.command';
import { PurchaseUseCase } from './purchase.use-case';

describe('PurchaseUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-10T10:00:00Z'));
  let subscriptions: InMemorySubscriptions;
  let jobs: InMemoryJobScheduler;
  let charges: InMemoryPendingCharges;
  let purchase: PurchaseUseCase;

  async function trialingAccount(catalog: CatalogCode, country?: string): Promise<string> {
    const accountId = randomUUID();
    const repository = subscriptions as unknown as SubscriptionsRepository;
    await new StartTrialUseCase(new CatalogRegistry(), repository, jobs as unknown as JobScheduler).execute(
      StartTrialCommand.create({ accountId, catalog, signupChannel: 'web', createdAt: '2026-03-02T09:00:00Z', country }),
      new RecordingUnitOfWork(),
    );
    return accountId;
  }

  const buy = (input: PurchaseInput, uow = new RecordingUnitOfWork()) => purchase.execute(PurchaseCommand.create(input), uow);

  beforeEach(() => {
    subscriptions = new InMemorySubscriptions();
    jobs = new InMemoryJobScheduler();
    charges = new InMemoryPendingCharges();
    purchase = new PurchaseUseCase(
      new CatalogRegistry(),
      subscriptions as unknown as SubscriptionsRepository,
      new InMemoryAccountClocks(clock),
      jobs as unknown as JobScheduler,
      new DuePeriods(charges as unknown as PendingChargesRepository),
    );
  });

  /** A trial that ran out: ro-crm is then on Standard (free), fr-crm blocked (T3). */
  async function endedTrial(catalog: CatalogCode): Promise<string> {
    const accountId = await trialingAccount(catalog);
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    const job = jobs.pending(TRIAL_END_JOB, subscriptionId)!;
    await new EndTrialUseCase(new CatalogRegistry(), subscriptions as unknown as SubscriptionsRepository).execute(
      EndTrialCommand.create({ accountId, subscriptionId, endsAt: job.dueAt }),
      new RecordingUnitOfWork(),
    );
    return accountId;
  }

  it('cancels the trial end and its notice: the trial is over once bought', async () => {
    const accountId = await trialingAccount('ro-crm');
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    expect(jobs.pending(TRIAL_END_JOB, subscriptionId)).toBeDefined();
    await buy({ accountId, edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card' });
    expect(jobs.pending(TRIAL_END_JOB, subscriptionId)).toBeUndefined();
    expect(jobs.pending(TRIAL_ENDING_NOTICE_JOB, subscriptionId)).toBeUndefined();
  });

  it('unblocks a fr-crm account whose trial ran out, and buys a ro-crm account off Standard (T4)', async () => {
    const blocked = await endedTrial('fr-crm');
    expect(subscriptions.rows.get(blocked)!.status).toBe('blocked');
    const unblocked = await buy({ accountId: blocked, edition: 'dream-team', term: 'monthly', seats: 2, paymentMethod: 'card' });
    expect(unblocked).toMatchObject({ status: 'active', edition: 'dream-team', seats: 2 });
    const free = await endedTrial('ro-crm');
    expect(subscriptions.rows.get(free)).toMatchObject({ status: 'free', edition: 'standard' });
    const uow = new RecordingUnitOfWork();
    await buy({ accountId: free, edition: 'premium', term: 'prepaid-6', seats: 1, paymentMethod: 'card' }, uow);
    expect(subscriptions.rows.get(free)).toMatchObject({ status: 'active', edition: 'premium' });
    expect(uow.dataOf(SubscriptionActivatedV1)).toHaveLength(1);
  });

  it('activates a prepaid ro-crm subscription and asks for the first period: seats times the seat price', async () => {
    const accountId = await trialingAccount('ro-crm');
    const uow = new RecordingUnitOfWork();
    const saved = await buy({ accountId, edition: 'premium', term: 'prepaid-6', seats: 3, paymentMethod: 'card' }, uow);
    expect(saved).toMatchObject({
      status: 'active',
      edition: 'premium',
      seats: 3,
      currentPeriodStart: '2026-03-10',
      currentPeriodEnd: '2026-09-10',
    });
    const [activated] = uow.dataOf(SubscriptionActivatedV1);
    expect(activated).toMatchObject({ currency: 'RON', periodStart: '2026-03-10', periodEnd: '2026-09-10' });
    expect(activated!.lines).toEqual([
      expect.objectContaining({ code: 'premium/prepaid-6', quantity: 3, unitPriceMinor: 27900 }),
    ]);
  });

  it('prices a fr-crm annual period paid by bank transfer or PayPal at twelve months, without the annual discount (P2)', async () => {
    const prices: Record<string, number> = {};
    for (const paymentMethod of ['card', 'sepa_debit', 'bank_transfer'] as const) {
      const uow = new RecordingUnitOfWork();
      await buy(
        { accountId: await trialingAccount('fr-crm'), edition: 'dream-team', term: 'annual', seats: 2, paymentMethod },
        uow,
      );
      prices[paymentMethod] = uow.dataOf(SubscriptionActivatedV1)[0]!.lines[0]!.unitPriceMinor;
    }
    for (const paymentMethod of ['card', 'ach_debit', 'paypal'] as const) {
      const uow = new RecordingUnitOfWork();
      const accountId = await trialingAccount('fr-crm');
      await buy({ accountId, edition: 'dream-team', term: 'annual', seats: 2, paymentMethod, currency: 'USD' }, uow);
      prices[`${paymentMethod} USD`] = uow.dataOf(SubscriptionActivatedV1)[0]!.lines[0]!.unitPriceMinor;
    }
    expect(prices).toEqual({
      card: 39000,
      sepa_debit: 39000,
      bank_transfer: 46800,
      'card USD': 45000,
      'ach_debit USD': 45000,
      'paypal USD': 54000,
    });
    // A Romanian payment order pays the prepaid price itself (P3): prepaid terms have no annual discount to lose.
    const uow = new RecordingUnitOfWork();
    await buy(
      {
        accountId: await trialingAccount('ro-crm'),
        edition: 'premium',
        term: 'prepaid-12',
        seats: 1,
        paymentMethod: 'bank_transfer',
      },
      uow,
    );
    expect(uow.dataOf(SubscriptionActivatedV1)[0]!.lines[0]!.unitPriceMinor).toBe(52900);
  });

  it('sells fr-crm in dollars when asked: the subscription, its first period and its renewals are in USD', async () => {
    const accountId = await trialingAccount('fr-crm');
    const uow = new RecordingUnitOfWork();
    const saved = await buy(
      { accountId, edition: 'sales-essentials', term: 'monthly', seats: 3, paymentMethod: 'card', currency: 'USD' },
      uow,
    );
    expect(saved.currency).toBe('USD');
    const [activated] = uow.dataOf(SubscriptionActivatedV1);
    expect(activated).toMatchObject({ currency: 'USD', paymentMethod: 'card' });
    expect(activated!.lines).toEqual([expect.objectContaining({ quantity: 3, unitPriceMinor: 2200 })]);
    const euros = await trialingAccount('fr-crm');
    const inEuros = new RecordingUnitOfWork();
    await buy({ accountId: euros, edition: 'sales-essentials', term: 'monthly', seats: 1, paymentMethod: 'card' }, inEuros);
    expect(inEuros.dataOf(SubscriptionActivatedV1)[0]).toMatchObject({
      currency: 'EUR',
      lines: [expect.objectContaining({ unitPriceMinor: 1900 })],
    });
  });

  it('offers SEPA Direct Debit in the SEPA area and ACH Direct Debit in the US only (P1), writing nothing otherwise', async () => {
    const refusals: Array<[string, PurchaseInput['paymentMethod'], string, RegExp]> = [
      ['FR', 'ach_debit', 'USD', /ACH Direct Debit is offered to customers in the US only; this account is in FR/],
      ['US', 'sepa_debit', 'EUR', /SEPA Direct Debit is offered to customers in the SEPA area only; this account is in US/],
      ['BR', 'sepa_debit', 'EUR', /SEPA area only; this account is in BR/],
    ];
    for (const [country, paymentMethod, currency, reason] of refusals) {
      const accountId = await trialingAccount('fr-crm', country);
      const uow = new RecordingUnitOfWork();
      await expect(
        buy({ accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod, currency }, uow),
      ).rejects.toMatchObject({
        code: SubscriptionsErrorCode.PurchaseRefused,
        fields: [{ field: 'paymentMethod', reason: expect.stringMatching(reason) }],
      });
      expect(uow.dataOf(SubscriptionActivatedV1)).toHaveLength(0);
      expect(subscriptions.rows.get(accountId)).toMatchObject({ status: 'trialing', country });
    }
    for (const [country, paymentMethod, currency] of [
      ['US', 'ach_debit', 'USD'],
      ['DE', 'sepa_debit', 'EUR'],
      ['CH', 'sepa_debit', 'EUR'],
      ['US', 'card', 'USD'],
    ] as const) {
      const accountId = await trialingAccount('fr-crm', country);
      await buy({ accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod, currency });
      expect(subscriptions.rows.get(accountId)).toMatchObject({ status: 'active', paymentMethod, currency });
    }
    // A subscription started before the country was kept is not refused for it.
    const older = await trialingAccount('fr-crm');
    await buy({ accountId: older, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod: 'ach_debit', currency: 'USD' });
    expect(subscriptions.rows.get(older)).toMatchObject({ status: 'active', country: null });
  });

  it('refuses a currency the catalog does not offer, and a method bound to another currency, writing nothing', async () => {
    const accountId = await trialingAccount('fr-crm');
    const attempts: Array<[PurchaseInput, string, RegExp]> = [
      [
        { accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod: 'card', currency: 'GBP' },
        'currency',
        /EUR, USD/,
      ],
      [
        { accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod: 'sepa_debit', currency: 'USD' },
        'paymentMethod',
        /EUR only/,
      ],
      [{ accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod: 'ach_debit' }, 'paymentMethod', /USD only/],
      [
        { accountId, edition: 'dream-team', term: 'annual', seats: 1, paymentMethod: 'paypal', currency: 'EUR' },
        'paymentMethod',
        /USD only/,
      ],
      [
        { accountId, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'paypal', currency: 'USD' },
        'paymentMethod',
        /monthly term/,
      ],
    ];
    for (const [input, field, reason] of attempts) {
      const uow = new RecordingUnitOfWork();
      await expect(buy(input, uow)).rejects.toMatchObject({
        code: SubscriptionsErrorCode.PurchaseRefused,
        kind: 'unprocessable',
        fields: expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]),
      });
      expect(uow.dataOf(SubscriptionActivatedV1)).toHaveLength(0);
    }
    expect(subscriptions.rows.get(accountId)).toMatchObject({ status: 'trialing', currency: 'EUR' });
    expect(() =>
      PurchaseCommand.create({
        accountId,
        edition: 'dream-team',
        term: 'annual',
        seats: 1,
        paymentMethod: 'card',
        currency: 'usd',
      }),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'currency' })] }));
    const ron = await trialingAccount('ro-crm');
    await expect(
      buy({ accountId: ron, edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card', currency: 'USD' }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'currency', reason: 'must be one of RON in ro-crm' })] });
  });

  it('makes a monthly period 30 days long (B1)', async () => {
    const accountId = await trialingAccount('fr-crm');
    const saved = await buy({ accountId, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'card' });
    expect(saved.currentPeriodEnd).toBe('2026-04-09');
  });

  it('refuses the free edition, a term the catalog does not sell and a method the term does not take, naming each field', async () => {
    const accountId = await trialingAccount('ro-crm');
    const refusal = buy({ accountId, edition: 'standard', term: 'monthly', seats: 1, paymentMethod: 'sepa_debit' });
    await expect(refusal).rejects.toMatchObject({
      code: SubscriptionsErrorCode.PurchaseRefused,
      kind: 'unprocessable',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'edition' }), expect.objectContaining({ field: 'term' })]),
    });
    expect(subscriptions.rows.get(accountId)!.status).toBe('trialing');
  });

  it('refuses a second purchase of an active monthly subscription, and one for an account without a subscription', async () => {
    const accountId = await trialingAccount('fr-crm');
    await buy({ accountId, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'card' });
    await expect(
      buy({ accountId, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'card' }),
    ).rejects.toMatchObject({
      code: SubscriptionsErrorCode.SubscriptionAlreadyActive,
      kind: 'conflict',
    });
    await expect(
      buy({ accountId: randomUUID(), edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }),
    ).rejects.toMatchObject({ code: SubscriptionsErrorCode.SubscriptionNotFound, kind: 'not-found' });
  });

  it('extends a running prepaid period from its current expiry (B2) and moves its expiry and notice', async () => {
    const accountId = await trialingAccount('ro-crm');
    await buy({ accountId, edition: 'premium', term: 'prepaid-6', seats: 1, paymentMethod: 'card' });
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    expect(subscriptions.rows.get(accountId)!.currentPeriodEnd).toBe('2026-09-10');
    expect(jobs.pending(EXPIRY_JOB, `${subscriptionId}:2026-09-10`)!.dueAt.toISOString()).toBe('2026-09-09T21:00:00.000Z');
    expect(jobs.pending(EXPIRING_NOTICE_JOB, `${subscriptionId}:2026-09-10`)!.dueAt.toISOString()).toBe(
      '2026-08-30T21:00:00.000Z',
    );
    const uow = new RecordingUnitOfWork();
    await buy({ accountId, edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }, uow);
    expect(subscriptions.rows.get(accountId)!.currentPeriodEnd).toBe('2026-10-10');
    expect(jobs.pending(EXPIRY_JOB, `${subscriptionId}:2026-09-10`)).toBeUndefined();
    expect(jobs.pending(EXPIRING_NOTICE_JOB, `${subscriptionId}:2026-09-10`)).toBeUndefined();
    expect(jobs.pending(EXPIRY_JOB, `${subscriptionId}:2026-10-10`)).toBeDefined();
    expect(uow.dataOf(SubscriptionRenewalDueV1)).toEqual([
      expect.objectContaining({
        reason: 'extension',
        periodStart: '2026-09-10',
        periodEnd: '2026-10-10',
        lines: [
          {
            code: 'premium/prepaid-1',
            description: 'Premium (prepaid-1), 2026-09-10 – 2026-10-09',
            quantity: 1,
            unitPriceMinor: 4900,
          },
        ],
      }),
    ]);
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'extended', currentPeriodEnd: '2026-10-10' }),
    ]);
  });

  it('extends Premium only with Premium (B3)', async () => {
    const accountId = await trialingAccount('ro-crm');
    await buy({ accountId, edition: 'premium', term: 'prepaid-1', seats: 1, paymentMethod: 'card' });
    await expect(
      buy({ accountId, edition: 'ultimate', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }),
    ).rejects.toMatchObject({
      code: SubscriptionsErrorCode.PurchaseRefused,
      fields: [{ field: 'edition', reason: expect.stringContaining('only be extended with Premium') }],
    });
  });

  it('plans the renewal at the end of a monthly period, 30 days on (B1)', async () => {
    const accountId = await trialingAccount('fr-crm');
    await buy({ accountId, edition: 'dream-team', term: 'monthly', seats: 3, paymentMethod: 'card' });
    const row = subscriptions.rows.get(accountId)!;
    expect([row.currentPeriodStart, row.currentPeriodEnd]).toEqual(['2026-03-10', '2026-04-09']);
    expect(jobs.pending(RENEWAL_JOB, `${row.id}:2026-04-09`)!.dueAt.toISOString()).toBe('2026-04-08T22:00:00.000Z');
  });

  it('emits nothing when it refuses', async () => {
    const accountId = await trialingAccount('ro-crm');
    const uow = new RecordingUnitOfWork();
    await expect(buy({ accountId, edition: 'nope', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }, uow)).rejects.toThrow();
    expect(uow.emitted).toHaveLength(0);
  });
});
