import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { AccountClocks, ScheduledJobRunner, UnitOfWorkRunner } from '@obolus/messaging';
import { serveJwks, waitFor } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PurchaseCommand } from '../src/subscriptions/use-cases/purchase/purchase.command';
import { PurchaseUseCase } from '../src/subscriptions/use-cases/purchase/purchase.use-case';
import { StartTrialCommand, StartTrialInput } from '../src/subscriptions/use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from '../src/subscriptions/use-cases/start-trial/start-trial.use-case';
import { startSubscriptions } from './start-subscriptions';

/**
 * T3 on durable schedules, on real Postgres with the service's own module: start-trial plans the trial
 * end and its notice in its unit of work; a runner whose clock is moved past the trial's end runs them,
 * and the subscription row and the outbox say what happened. The service's own runner, started with it,
 * runs a trial end that is already due by wall-clock time.
 */
describe('subscriptions ends trials on durable schedules (T3, B6)', () => {
  let app: INestApplication;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let work: UnitOfWorkRunner;
  // Far enough ahead that the service's own (wall-clock) runner never finds these trials due; and on a
  // test clock of their own, so the jobs of other tests' accounts in the same schema are never run here.
  const createdAt = '2031-01-31T23:30:00.000Z';
  const clockId = randomUUID();

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app } = await startSubscriptions(jwks.url));
    work = app.get(UnitOfWorkRunner);
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  const startTrial = (input: Omit<StartTrialInput, 'signupChannel'>) =>
    work.run((uow) => app.get(StartTrialUseCase).execute(StartTrialCommand.create({ signupChannel: 'web', ...input }), uow));

  /** Starts a trial for an account that lives on this test's clock. */
  const startTrialOnClock = async (input: Omit<StartTrialInput, 'signupChannel'>) => {
    await work.run((uow) => app.get(AccountClocks).assign(uow, input.accountId, clockId));
    await startTrial(input);
  };

  /** Moves the test clock and runs what fell due on it (the service's poller may take some of it). */
  const advanceTo = async (instant: string) => {
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date(instant)));
    return app.get(ScheduledJobRunner).runDue({ clockId });
  };
  const statusesOf = async (accountId: string) => (await jobsOf(accountId)).map((j) => j.status);

  const subscriptionOf = async (accountId: string) =>
    (
      await db.query(
        `SELECT id, edition, status, trial_ends_on::text AS "trialEndsOn" FROM subscriptions.subscriptions WHERE account_id = $1`,
        [accountId],
      )
    ).rows[0];
  const jobsOf = async (accountId: string) =>
    (
      await db.query(
        `SELECT kind, status, due_at AS "dueAt", payload FROM subscriptions.scheduled_jobs WHERE account_id = $1 ORDER BY due_at`,
        [accountId],
      )
    ).rows;
  /** The account's lifecycle events (the state snapshots subscription.changed and entitlements.changed left out). */
  const eventsOf = async (accountId: string) =>
    (
      await db.query(
        `SELECT event_type AS type, envelope->'data' AS data FROM subscriptions.outbox
          WHERE message_key = $1 AND event_type NOT IN ('obolus.subscriptions.subscription.changed.v1', 'obolus.subscriptions.entitlements.changed.v1')
          ORDER BY seq`,
        [accountId],
      )
    ).rows as { type: string; data: Record<string, unknown> }[];

  it('plans both jobs with start-trial, then ends a ro-crm trial on Standard and blocks a fr-crm one', async () => {
    const ro = randomUUID();
    const fr = randomUUID();
    const bought = randomUUID();
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date(createdAt)));
    await startTrialOnClock({ accountId: ro, catalog: 'ro-crm', createdAt, locale: 'ro' });
    await startTrialOnClock({ accountId: fr, catalog: 'fr-crm', createdAt, locale: 'fr' });
    await startTrialOnClock({ accountId: bought, catalog: 'fr-crm', createdAt });

    expect(await jobsOf(ro)).toEqual([
      expect.objectContaining({
        kind: 'subscriptions.trial-ending-notice',
        status: 'pending',
        dueAt: new Date('2031-02-18T22:00:00Z'),
      }),
      expect.objectContaining({ kind: 'subscriptions.trial-end', status: 'pending', dueAt: new Date('2031-02-28T22:00:00Z') }),
    ]);

    // Bought during the trial: both trial jobs go, and nothing happens at the trial's end.
    await work.run((uow) =>
      app
        .get(PurchaseUseCase)
        .execute(
          PurchaseCommand.create({ accountId: bought, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'card' }),
          uow,
        ),
    );
    // Only the renewal of its first (30-day) period is left.
    expect(await jobsOf(bought)).toEqual([
      expect.objectContaining({ kind: 'subscriptions.renewal', status: 'pending', dueAt: new Date('2031-03-02T23:00:00Z') }),
    ]);

    // Before the first notice (fr-crm's, 10 days before its 15-day trial ends, at Paris midnight) nothing is due.
    expect(await advanceTo('2031-02-05T22:59:59Z')).toEqual({ done: 0, failed: 0 });
    expect([...(await statusesOf(ro)), ...(await statusesOf(fr))]).toEqual(['pending', 'pending', 'pending', 'pending']);

    // The notice day in Bucharest: fr-crm's notice and trial end, then ro-crm's notice, in due order.
    expect((await advanceTo('2031-02-18T22:00:00Z')).failed).toBe(0);
    expect(await statusesOf(fr)).toEqual(['done', 'done']);
    expect(await statusesOf(ro)).toEqual(['done', 'pending']);
    expect((await eventsOf(ro)).map((e) => e.type)).toEqual([
      'obolus.subscriptions.subscription.trial-started.v1',
      'obolus.subscriptions.subscription.trial-ending.v1',
    ]);
    expect((await eventsOf(ro))[1]!.data).toEqual({
      accountId: ro,
      subscriptionId: (await subscriptionOf(ro)).id,
      catalog: 'ro-crm',
      edition: 'ultimate',
      trialEndsOn: '2031-02-28',
      endsAt: '2031-02-28T22:00:00.000Z',
      locale: 'ro',
    });
    expect((await subscriptionOf(ro)).status).toBe('trialing');

    // Past ro-crm's trial end.
    expect((await advanceTo('2031-03-01T00:00:00Z')).failed).toBe(0);
    expect(await statusesOf(ro)).toEqual(['done', 'done']);

    expect(await subscriptionOf(ro)).toMatchObject({ edition: 'standard', status: 'free', trialEndsOn: '2031-02-28' });
    expect((await eventsOf(ro)).map((e) => e.type)).toEqual([
      'obolus.subscriptions.subscription.trial-started.v1',
      'obolus.subscriptions.subscription.trial-ending.v1',
      'obolus.subscriptions.subscription.trial-ended.v1',
      'obolus.subscriptions.subscription.downgraded.v1',
    ]);
    expect((await eventsOf(ro))[3]!.data).toMatchObject({ fromEdition: 'ultimate', toEdition: 'standard', status: 'free' });

    expect(await subscriptionOf(fr)).toMatchObject({ edition: 'dream-team', status: 'blocked', trialEndsOn: '2031-02-15' });
    expect((await eventsOf(fr)).map((e) => e.type)).toEqual([
      'obolus.subscriptions.subscription.trial-started.v1',
      'obolus.subscriptions.subscription.trial-ending.v1',
      'obolus.subscriptions.subscription.trial-ended.v1',
      'obolus.subscriptions.subscription.blocked.v1',
    ]);
    expect((await eventsOf(fr))[2]!.data).toMatchObject({ outcome: 'blocked', endedAt: '2031-02-15T23:00:00.000Z' });
    expect((await jobsOf(fr)).map((j) => j.status)).toEqual(['done', 'done']);

    expect(await subscriptionOf(bought)).toMatchObject({ status: 'active' });
    expect((await eventsOf(bought)).map((e) => e.type)).toEqual([
      'obolus.subscriptions.subscription.trial-started.v1',
      'obolus.subscriptions.subscription.activated.v1',
    ]);

    // Run again: every trial job is done, nothing is ended twice; only the bought account's four
    // monthly renewals (2 March, 1 April, 1 May, 31 May) fall due by 1 June.
    expect(await advanceTo('2031-06-01T00:00:00Z')).toEqual({ done: 4, failed: 0 });
    expect(await eventsOf(fr)).toHaveLength(4);

    // T4: the blocked account can still buy, which unblocks it.
    await work.run((uow) =>
      app
        .get(PurchaseUseCase)
        .execute(
          PurchaseCommand.create({ accountId: fr, edition: 'dream-team', term: 'monthly', seats: 2, paymentMethod: 'card' }),
          uow,
        ),
    );
    expect(await subscriptionOf(fr)).toMatchObject({ status: 'active' });
  });

  it("runs a trial end already due on the service's own runner, started with the service", async () => {
    const accountId = randomUUID();
    await startTrial({ accountId, catalog: 'fr-crm', createdAt: '2024-01-10T09:00:00.000Z' });
    await waitFor(async () => (await subscriptionOf(accountId)).status === 'blocked', { what: 'the trial to be ended' });
    expect((await jobsOf(accountId)).map((j) => [j.kind, j.status])).toEqual([
      ['subscriptions.trial-ending-notice', 'done'],
      ['subscriptions.trial-end', 'done'],
    ]);
  });
});
