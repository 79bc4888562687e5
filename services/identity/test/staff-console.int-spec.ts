import { INestApplication } from '@nestjs/common';
import { CloudEvent, StaffActionTakenV1, StaffActionTakenV1Data } from '@obolus/contracts';
import { EVENT_PRODUCER } from '@obolus/platform';
import { waitFor } from '@obolus/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { adminDb, clientOf, PASSWORD, signUpAndIn, STAFF, startIdentity, TestClient, uniqueEmail } from './identity-harness';

interface Summary {
  accountId: string;
  companyName: string;
  country: string;
  catalog: string;
  ownerEmail: string | null;
  status: string;
  createdAt: string;
  testClockId?: string;
}

interface AuditEntry {
  event: string;
  occurredAt: string;
  actor: { type: string; id: string; email: string | null } | null;
  action: string;
  reason: string | null;
  subject: { type: string; id: string } | null;
}

/** What the portal and the staff console read from identity (issue 18), on real Postgres and Kafka. */
describe('identity for the portal and the staff console (in process, real Postgres and Kafka)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let client: TestClient;
  let staffToken: string;

  beforeAll(async () => {
    ({ app, url } = await startIdentity());
    db = await adminDb();
    client = clientOf(url);
    const staff = await client.post<{ accessToken: string }>('/staff/auth/sign-in', STAFF);
    expect(staff.status).toBe(200);
    staffToken = staff.body.accessToken;
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  describe('the signed-in customer', () => {
    it('signs in with the address and the language, and GET /me answers the user and the account', async () => {
      const email = uniqueEmail('ana');
      const created = await client.post<{ accountId: string; ownerUserId: string }>('/accounts', {
        companyName: 'Exemplu Software SRL',
        email,
        password: PASSWORD,
        country: 'RO',
        catalog: 'ro-crm',
        signupChannel: 'partner',
      });
      expect(created.status).toBe(201);
      const signedIn = await client.post<{ accessToken: string }>('/auth/sign-in', {
        email: email.toUpperCase(),
        password: PASSWORD,
      });
      expect(signedIn).toMatchObject({
        status: 200,
        body: { accountId: created.body.accountId, userId: created.body.ownerUserId, role: 'owner', email, language: 'ro' },
      });

      expect(await client.get('/me', signedIn.body.accessToken)).toEqual(
        expect.objectContaining({
          status: 200,
          body: {
            userId: created.body.ownerUserId,
            accountId: created.body.accountId,
            role: 'owner',
            email,
            displayName: null,
            language: 'ro',
            companyName: 'Exemplu Software SRL',
            country: 'RO',
            catalog: 'ro-crm',
          },
        }),
      );
    });

    it('refuses GET /me without a token (401) and with a staff token (403)', async () => {
      expect(await client.get('/me')).toMatchObject({ status: 401, body: { code: expect.any(String) } });
      expect((await client.get('/me', staffToken)).status).toBe(403);
    });
  });

  describe('account search and detail for staff', () => {
    const tag = randomUUID().slice(0, 8);
    let older: Awaited<ReturnType<typeof signUpAndIn>>;
    let newer: Awaited<ReturnType<typeof signUpAndIn>>;

    beforeAll(async () => {
      older = await signUpAndIn(client, { companyName: `Crèmerie Dupont ${tag}` });
      newer = await signUpAndIn(client, { companyName: `ȘTAMPILE BRAȘOV ${tag} SRL`, country: 'RO', catalog: 'ro-crm' });
    });

    const search = (q: string, token = staffToken) =>
      client.get<{ accounts: Summary[] }>(`/staff/accounts?q=${encodeURIComponent(q)}`, token);

    it('finds company names whatever their case and accents, newest first', async () => {
      const byTag = await search(tag);
      expect(byTag.status).toBe(200);
      expect(byTag.body.accounts.map((a) => a.accountId)).toEqual([newer.accountId, older.accountId]);
      expect(byTag.body.accounts[0]).toEqual({
        accountId: newer.accountId,
        companyName: `ȘTAMPILE BRAȘOV ${tag} SRL`,
        country: 'RO',
        catalog: 'ro-crm',
        ownerEmail: newer.email,
        status: 'active',
        closureRequestedAt: null,
        createdAt: expect.any(String),
      });
      expect((await search(`stampile brasov ${tag}`)).body.accounts.map((a) => a.accountId)).toEqual([newer.accountId]);
      expect((await search(`CREMERIE dupont ${tag}`)).body.accounts.map((a) => a.accountId)).toEqual([older.accountId]);
    });

    it("finds an account by a user's address and by its id, and takes LIKE wildcards literally", async () => {
      expect((await search(older.email.toUpperCase())).body.accounts.map((a) => a.accountId)).toEqual([older.accountId]);
      expect((await search(newer.accountId)).body.accounts.map((a) => a.accountId)).toEqual([newer.accountId]);
      expect((await search(`${tag.slice(0, 4)}%${tag.slice(5)}`)).body.accounts).toEqual([]);
      expect(
        (await client.get<{ accounts: Summary[] }>(`/staff/accounts?q=${tag}&limit=1`, staffToken)).body.accounts,
      ).toHaveLength(1);
    });

    it('refuses a search under 2 characters with 400 naming q, and customers with 403', async () => {
      const short = await search('a');
      expect(short).toMatchObject({ status: 400, body: { code: expect.any(String), message: expect.any(String) } });
      expect((short.body as unknown as { fields: { field: string }[] }).fields).toEqual([
        expect.objectContaining({ field: 'q' }),
      ]);
      expect((await client.get('/staff/accounts', staffToken)).status).toBe(400);
      expect((await client.get(`/staff/accounts?q=${tag}&limit=500`, staffToken)).status).toBe(400);
      expect((await search(tag, older.accessToken)).status).toBe(403);
      expect((await client.get(`/staff/accounts/${older.accountId}`, older.accessToken)).status).toBe(403);
    });

    it('answers one account with its users and open invitations, and 404 for an unknown or malformed id', async () => {
      const invitee = uniqueEmail('paul');
      expect(
        (await client.post(`/accounts/${older.accountId}/invitations`, { email: invitee, role: 'admin' }, older.accessToken))
          .status,
      ).toBe(201);
      const detail = await client.get<Summary & { users: unknown[] }>(`/staff/accounts/${older.accountId}`, staffToken);
      expect(detail).toMatchObject({
        status: 200,
        body: {
          accountId: older.accountId,
          companyName: `Crèmerie Dupont ${tag}`,
          ownerEmail: older.email,
          status: 'active',
          users: [
            { userId: older.ownerUserId, email: older.email, role: 'owner', status: 'active', since: expect.any(String) },
            { userId: null, email: invitee, role: 'admin', status: 'invited', since: expect.any(String) },
          ],
        },
      });
      expect((await client.get(`/staff/accounts/${randomUUID()}`, staffToken)).status).toBe(404);
      expect((await client.get('/staff/accounts/not-an-id', staffToken)).status).toBe(404);
    });

    it('shows an account whose owner closed it as closure-requested', async () => {
      const closing = await signUpAndIn(client, { companyName: `Closing ${tag}` });
      expect(
        (await client.post(`/accounts/${closing.accountId}/closure`, { password: PASSWORD }, closing.accessToken)).status,
      ).toBe(202);
      expect((await search(`closing ${tag}`)).body.accounts).toEqual([
        expect.objectContaining({
          accountId: closing.accountId,
          status: 'closure-requested',
          closureRequestedAt: expect.any(String),
        }),
      ]);
    });
  });

  describe('the staff audit trail', () => {
    const actionOn = (
      accountId: string,
      overrides: Partial<StaffActionTakenV1Data> = {},
    ): CloudEvent<StaffActionTakenV1Data> => ({
      specversion: '1.0',
      id: randomUUID(),
      source: StaffActionTakenV1.source,
      type: StaffActionTakenV1.type,
      time: '2026-03-05T10:00:00.000Z',
      datacontenttype: 'application/json',
      accountid: accountId,
      data: {
        accountId,
        staffUserId: randomUUID(),
        staffEmail: 'support@obolus.example',
        action: 'payment.refunded',
        reason: 'Charged twice by mistake',
        subject: { type: 'payment', id: randomUUID() },
        details: { amountMinor: 12100, currency: 'EUR' },
        occurredAt: '2026-03-05T10:00:00.000Z',
        ...overrides,
      },
    });
    const publish = (event: CloudEvent<StaffActionTakenV1Data>) =>
      app.get<Producer>(EVENT_PRODUCER).send({
        topic: StaffActionTakenV1.topic,
        messages: [{ key: event.data.accountId, value: JSON.stringify(event) }],
      });
    const staffActionsOf = async (accountId: string) =>
      (
        await db.query(
          `SELECT details->>'action' AS action FROM identity.audit_log WHERE account_id = $1 AND event = 'staff.action-taken'`,
          [accountId],
        )
      ).rows as { action: string }[];

    it("appends staff actions published on Kafka to the account's trail once, readable by the owner and by staff", async () => {
      const owner = await signUpAndIn(client);
      const refund = actionOn(owner.accountId);
      await publish(refund);
      await publish(refund);
      const extension = actionOn(owner.accountId, {
        action: 'trial.extended',
        reason: 'Sales promised two more weeks',
        subject: undefined,
        details: undefined,
        occurredAt: '2026-03-06T10:00:00.000Z',
      });
      await publish(extension);
      await waitFor(async () => ((await staffActionsOf(owner.accountId)).length === 2 ? true : undefined), {
        what: 'two staff actions in the audit log',
        timeoutMs: 60_000,
      });
      // The same event again, later: one account's events keep their order, so once the next one is in, it was seen.
      await publish(refund);
      await publish(actionOn(owner.accountId, { action: 'bank-transfer.recorded', occurredAt: '2026-03-07T10:00:00.000Z' }));
      await waitFor(async () => ((await staffActionsOf(owner.accountId)).length >= 3 ? true : undefined), {
        what: 'the third staff action in the audit log',
        timeoutMs: 60_000,
      });
      expect((await staffActionsOf(owner.accountId)).map((row) => row.action).sort()).toEqual([
        'bank-transfer.recorded',
        'payment.refunded',
        'trial.extended',
      ]);

      const ownerView = await client.get<AuditEntry[]>(`/accounts/${owner.accountId}/audit-log`, owner.accessToken);
      expect(ownerView.status).toBe(200);
      const staffEntries = ownerView.body.filter((entry) => entry.event === 'staff.action-taken');
      expect(staffEntries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            occurredAt: '2026-03-05T10:00:00.000Z',
            actor: { type: 'staff', id: refund.data.staffUserId, email: 'support@obolus.example' },
            action: 'payment.refunded',
            reason: 'Charged twice by mistake',
            subject: refund.data.subject,
          }),
          expect.objectContaining({ action: 'trial.extended', reason: 'Sales promised two more weeks', subject: null }),
        ]),
      );
      expect(ownerView.body.find((entry) => entry.event === 'sign-in.succeeded')).toMatchObject({
        actor: { type: 'user', id: owner.ownerUserId, email: owner.email },
        action: 'sign-in.succeeded',
        subject: { type: 'user', id: owner.ownerUserId },
      });

      const staffView = await client.get<AuditEntry[]>(`/staff/accounts/${owner.accountId}/audit-log?limit=50`, staffToken);
      expect(staffView.status).toBe(200);
      expect(staffView.body.map((entry) => entry.action)).toEqual(ownerView.body.map((entry) => entry.action));
      // Another customer still cannot read it, nor a customer the staff route.
      const stranger = await signUpAndIn(client);
      expect((await client.get(`/accounts/${owner.accountId}/audit-log`, stranger.accessToken)).status).toBe(404);
      expect((await client.get(`/staff/accounts/${owner.accountId}/audit-log`, owner.accessToken)).status).toBe(403);
    });
  });

  it('publishes OpenAPI for the new routes', async () => {
    const doc = await client.get<{ paths: Record<string, Record<string, unknown>> }>('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/me', '/staff/accounts', '/staff/accounts/{accountId}', '/staff/accounts/{accountId}/audit-log']),
    );
  });
});
