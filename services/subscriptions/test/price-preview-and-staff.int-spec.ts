import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { addDays } from '@obolus/calendar';
import { AccountClocks, UnitOfWorkRunner } from '@obolus/messaging';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CatalogRevisions } from '../src/catalog/catalog-revisions';
import { StartTrialCommand } from '../src/subscriptions/use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from '../src/subscriptions/use-cases/start-trial/start-trial.use-case';
import { trialEndsAt } from '../src/subscriptions/trial-schedule';
import { startSubscriptions } from './start-subscriptions';

interface Reply<T = Record<string, any>> {
  status: number;
  body: T;
}

/**
 * The portal's price preview and the console's trial extension and early billing, through the
 * service's HTTP routes on real Postgres: the preview refuses what the purchase and change refuse and
 * writes nothing; staff actions need a reason and leave staff.action-taken in the outbox.
 */
describe('price preview and staff subscription routes', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  let work: UnitOfWorkRunner;
  let staff: string;
  const staffId = randomUUID();
  const clockId = randomUUID();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startSubscriptions(jwks.url));
    work = app.get(UnitOfWorkRunner);
    await app.get(CatalogRevisions).settled;
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date('2031-03-01T09:00:00Z')));
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
    staff = await issuer.staff({ staffId, email: 'support@obolus.example', roles: ['support'] });
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  /** An fr-crm account in its trial, on this spec's clock, with a token of its owner. */
  async function account(role: 'owner' | 'user' = 'owner') {
    const accountId = randomUUID();
    await work.run((uow) => app.get(AccountClocks).assign(uow, accountId, clockId));
    await work.run((uow) =>
      app
        .get(StartTrialUseCase)
        .execute(
          StartTrialCommand.create({ accountId, catalog: 'fr-crm', signupChannel: 'web', createdAt: '2031-03-01T09:00:00Z' }),
          uow,
        ),
    );
    const token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@example.eu', role });
    return { accountId, token };
  }

  async function call<T = Record<string, any>>(method: string, path: string, token: string, body?: unknown): Promise<Reply<T>> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Everything the service keeps about the account: its row, its jobs and its events. */
  const stateOf = async (accountId: string) => ({
    row: (await db.query(`SELECT * FROM subscriptions.subscriptions WHERE account_id = $1`, [accountId])).rows,
    jobs: (
      await db.query(`SELECT kind, job_key, due_at, status FROM subscriptions.scheduled_jobs WHERE account_id = $1`, [accountId])
    ).rows,
    events: (await db.query(`SELECT event_type FROM subscriptions.outbox WHERE message_key = $1`, [accountId])).rows,
  });

  const outboxData = async (accountId: string, type: string) =>
    (
      await db.query(
        `SELECT envelope->'data' AS data FROM subscriptions.outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`,
        [accountId, type],
      )
    ).rows.map((row) => row.data);

  const purchase = { edition: 'dream-team', term: 'monthly', seats: 2, paymentMethod: 'card' };

  it('quotes a purchase, writing nothing, at the price the purchase then charges', async () => {
    const who = await account();
    const before = await stateOf(who.accountId);
    const quote = await call('POST', `/accounts/${who.accountId}/subscription/quote`, who.token, {
      kind: 'purchase',
      ...purchase,
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toEqual({
      kind: 'purchase',
      currency: 'EUR',
      lines: [
        {
          description: 'Dream Team (monthly), 2031-03-01 – 2031-03-30',
          quantity: 2,
          unitAmount: 3900,
          amount: 7800,
          periodStart: '2031-03-01',
          periodEnd: '2031-03-31',
          proration: false,
        },
      ],
      subtotal: 7800,
      taxNote: 'vat.added-on-invoice',
      total: 7800,
      chargedNow: 7800,
      nextRenewal: { date: '2031-03-31', amount: 7800 },
      explanation: expect.arrayContaining([expect.objectContaining({ code: 'purchase.period' })]),
    });
    expect(await stateOf(who.accountId)).toEqual(before);
    expect((await call('POST', `/accounts/${who.accountId}/subscription/purchase`, who.token, purchase)).status).toBe(200);
    const [activated] = await outboxData(who.accountId, 'obolus.subscriptions.subscription.activated.v1');
    expect(activated.lines).toEqual([
      expect.objectContaining({ description: quote.body.lines[0].description, quantity: 2, unitPriceMinor: 3900 }),
    ]);
  });

  it('answers a bad preview as the purchase and the change answer the same body', async () => {
    const who = await account();
    const same = async (route: 'purchase' | 'change', body: Record<string, unknown>, status: number, field: string) => {
      const quoted = await call('POST', `/accounts/${who.accountId}/subscription/quote`, who.token, { kind: route, ...body });
      const real = await call('POST', `/accounts/${who.accountId}/subscription/${route}`, who.token, body);
      expect({ status: quoted.status, code: quoted.body.code, fields: quoted.body.fields }).toEqual({
        status: real.status,
        code: real.body.code,
        fields: real.body.fields,
      });
      expect(quoted.status).toBe(status);
      expect(quoted.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    };
    await same('purchase', { ...purchase, seats: 0 }, 400, 'seats');
    await same('purchase', { ...purchase, term: 'weekly' }, 400, 'term');
    await same('purchase', { ...purchase, extra: true }, 400, 'extra');
    await same('purchase', { ...purchase, edition: 'nope' }, 422, 'edition');
    await same('purchase', { ...purchase, paymentMethod: 'sepa_debit', currency: 'USD' }, 422, 'paymentMethod');
    await same('change', { edition: '' }, 400, 'edition');
    await same('change', { edition: 'dream-team', seats: 3 }, 400, 'seats');
    const noKind = await call('POST', `/accounts/${who.accountId}/subscription/quote`, who.token, purchase);
    expect(noKind).toMatchObject({ status: 400, body: { fields: [{ field: 'kind' }] } });
    // A plain user may not price a purchase (owner, admin); another account's owner finds nothing.
    const user = await account('user');
    expect(
      (
        await call('POST', `/accounts/${user.accountId}/subscription/quote`, user.token, {
          kind: 'change',
          edition: 'solopreneur',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', `/accounts/${who.accountId}/subscription/quote`, (await account()).token, {
          kind: 'change',
          edition: 'solopreneur',
        })
      ).status,
    ).toBe(404);
  });

  it('lets staff extend a trial with a reason: the owner sees the new end, the jobs move, the audit event waits in the outbox', async () => {
    const who = await account();
    const path = `/staff/accounts/${who.accountId}/subscription/trial-extension`;
    const { body: before } = await call('GET', `/accounts/${who.accountId}/subscription`, who.token);
    expect(before.status).toBe('trialing');

    expect((await call('POST', path, who.token, { days: 10, reason: 'Evaluation delayed' })).status).toBe(403);
    for (const [body, field] of [
      [{ days: 10 }, 'reason'],
      [{ days: 10, reason: 'ok' }, 'reason'],
      [{ days: 10, reason: 'x'.repeat(501) }, 'reason'],
      [{ days: 0, reason: 'Evaluation delayed' }, 'days'],
      [{ days: 91, reason: 'Evaluation delayed' }, 'days'],
      [{ days: 2.5, reason: 'Evaluation delayed' }, 'days'],
    ] as const) {
      const refused = await call('POST', path, staff, body);
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }

    const key = `extend-${randomUUID()}`;
    const extend = (days: number) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ days, reason: 'Evaluation delayed by the customer' }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, any> }));
    const extended = await extend(10);
    expect(extended.status).toBe(200);
    // A retry under the same key answers the same end; the key for another number of days is refused.
    expect(await extend(10)).toMatchObject({ status: 200, body: { trialEndsOn: extended.body.trialEndsOn } });
    expect(await extend(20)).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const trialEndsOn = addDays(before.trialEndsOn, 10);
    expect(extended.body).toMatchObject({ status: 'trialing', trialEndsOn });
    expect((await call('GET', `/accounts/${who.accountId}/subscription`, who.token)).body.trialEndsOn).toBe(trialEndsOn);
    const { jobs } = await stateOf(who.accountId);
    const trialEnd = jobs.find((job) => job.kind === 'subscriptions.trial-end');
    // The start of the day after the new last day, in Paris.
    expect(trialEnd).toMatchObject({ status: 'pending' });
    expect(new Date(trialEnd.due_at)).toEqual(trialEndsAt(trialEndsOn, 'Europe/Paris'));
    expect(await outboxData(who.accountId, 'obolus.platform.staff.action-taken.v1')).toEqual([
      {
        accountId: who.accountId,
        staffUserId: staffId,
        staffEmail: 'support@obolus.example',
        action: 'trial.extended',
        reason: 'Evaluation delayed by the customer',
        subject: { type: 'subscription', id: extended.body.id },
        details: { days: 10, previousTrialEndsOn: before.trialEndsOn, trialEndsOn },
        occurredAt: '2031-03-01T09:00:00.000Z',
      },
    ]);
    expect(await outboxData(who.accountId, 'obolus.subscriptions.subscription.changed.v1')).toContainEqual(
      expect.objectContaining({ change: 'trial-extended', status: 'trialing' }),
    );

    expect((await call('POST', `/accounts/${who.accountId}/subscription/purchase`, who.token, purchase)).status).toBe(200);
    const again = await call('POST', path, staff, { days: 10, reason: 'Evaluation delayed by the customer' });
    expect(again).toMatchObject({ status: 409, body: { code: 'NOT_TRIALING' } });
    expect(await outboxData(who.accountId, 'obolus.platform.staff.action-taken.v1')).toHaveLength(1);
  });

  it('bills early only with a reason, and records who did it', async () => {
    const who = await account();
    expect((await call('POST', `/accounts/${who.accountId}/subscription/purchase`, who.token, purchase)).status).toBe(200);
    const path = `/staff/accounts/${who.accountId}/subscription/bill-early`;
    const refused = await call('POST', path, staff, {});
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain('reason');
    const billed = await call('POST', path, staff, { reason: 'The customer asked to pay before the year end' });
    expect(billed).toMatchObject({ status: 200, body: { billedThrough: '2031-04-30' } });
    expect(await outboxData(who.accountId, 'obolus.platform.staff.action-taken.v1')).toEqual([
      expect.objectContaining({
        staffUserId: staffId,
        action: 'subscription.bill-early',
        reason: 'The customer asked to pay before the year end',
        details: { periodStart: '2031-03-31', periodEnd: '2031-04-30' },
      }),
    ]);
  });
});
