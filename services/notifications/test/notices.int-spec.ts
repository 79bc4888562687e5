import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { AccountCreatedV1, CloudEvent, PaymentFailedV1, SubscriptionExpiredV1, UserJoinedV1, UserRemovedV1 } from '@obolus/contracts';
import { EventHandlerContext, UnitOfWorkRunner } from '@obolus/messaging';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ContactsConsumer } from '../src/contacts/contacts.consumer';
import { DeliveriesConsumer } from '../src/deliveries/deliveries.consumer';
import { startNotifications } from './start-notifications';

/**
 * Who hears an account's notices (issue 17): its owner and admins, never a plain user, less those who
 * muted a notice that may be muted; legal and financial notices reach them all. Real Postgres, events
 * handed to the consumers as the transport does, preferences through the HTTP route.
 */
describe('account notices: owner and admins, and what each muted', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startNotifications(jwks.url, { NOTIFICATIONS_DISPATCH_POLL_MS: '60000' }));
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  const context = (uow: object) => ({ ...uow, topic: 't', partition: 0, offset: '0', attempt: 1 }) as EventHandlerContext;
  const event = <T>(type: string, data: T): CloudEvent<T> =>
    ({ specversion: '1.0', id: randomUUID(), source: '/obolus/test', type, time: new Date().toISOString(), datacontenttype: 'application/json', data }) as CloudEvent<T>;
  const handle = (work: (uow: EventHandlerContext) => Promise<void>) => app.get(UnitOfWorkRunner).run((uow) => work(context(uow)));

  async function recipientsOf(accountId: string, template: string): Promise<string[][]> {
    const { rows } = await db.query<{ recipients: string[] }>(
      `SELECT recipients FROM notifications.deliveries WHERE account_id = $1 AND template = $2 ORDER BY created_at`,
      [accountId, template],
    );
    return rows.map((row) => row.recipients);
  }

  async function preferences(token: string, accountId: string, muted?: unknown) {
    const response = await fetch(`${url}/accounts/${accountId}/notification-preferences/me`, {
      method: muted === undefined ? 'GET' : 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: muted === undefined ? undefined : JSON.stringify({ muted }),
    });
    return { status: response.status, body: (await response.json()) as { muted?: string[]; fields?: { field: string }[] } };
  }

  it('tells the owner and admins, not a removed admin nor a plain user, and respects what each muted, except financial notices', async () => {
    const accountId = randomUUID();
    const [owner, admin, user, leaver] = ['owner', 'admin', 'user', 'leaver'].map((name) => ({
      userId: randomUUID(),
      email: `${name}-${accountId.slice(0, 8)}@fabrica.example.ro`,
    }));
    await handle((uow) =>
      app.get(ContactsConsumer).onAccountCreated(
        event(AccountCreatedV1.type, {
          accountId,
          ownerUserId: owner!.userId,
          ownerEmail: owner!.email,
          companyName: 'Fabrica de Pâine SRL',
          country: 'RO',
          catalog: 'ro-crm',
          signupChannel: 'website',
          locale: 'ro',
          createdAt: new Date().toISOString(),
        }),
        uow,
      ),
    );
    for (const [member, role] of [
      [admin!, 'admin'],
      [user!, 'user'],
      [leaver!, 'admin'],
    ] as const) {
      await handle((uow) =>
        app.get(ContactsConsumer).onUserJoined(
          event(UserJoinedV1.type, { accountId, userId: member.userId, email: member.email, role, joinedAt: new Date().toISOString() }),
          uow,
        ),
      );
    }
    await handle((uow) =>
      app.get(ContactsConsumer).onUserRemoved(
        event(UserRemovedV1.type, { accountId, userId: leaver!.userId, removedAt: new Date().toISOString() }),
        uow,
      ),
    );

    const expired = () =>
      handle((uow) =>
        app.get(DeliveriesConsumer).onSubscriptionExpired(
          event(SubscriptionExpiredV1.type, {
            accountId,
            subscriptionId: randomUUID(),
            catalog: 'ro-crm',
            edition: 'premium',
            toEdition: 'standard',
            expiredOn: '2027-09-10',
            expiredAt: '2027-09-10T21:00:00.000Z',
          }),
          uow,
        ),
      );
    await expired();
    expect(await recipientsOf(accountId, 'subscription-expired')).toEqual([[owner!.email, admin!.email]]);

    // The admin mutes the expiry notices; an invoice-like notice cannot be muted.
    const adminToken = await issuer.customer({ userId: admin!.userId, accountId, email: admin!.email, role: 'admin' });
    expect((await preferences(adminToken, accountId, ['subscription-expired', 'subscription-expiring'])).body.muted).toEqual([
      'subscription-expired',
      'subscription-expiring',
    ]);
    const refused = await preferences(adminToken, accountId, ['payment-failed']);
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.[0]?.field).toBe('muted');
    expect((await preferences(adminToken, accountId)).body.muted).toEqual(['subscription-expired', 'subscription-expiring']);

    await expired();
    const failed = event(PaymentFailedV1.type, {
      accountId,
      paymentId: randomUUID(),
      draftId: randomUUID(),
      amountMinor: 24900,
      currency: 'RON',
      provider: 'stripe' as const,
      failureCode: 'card_declined',
      failureMessage: 'Your card was declined.',
      failedAt: '2027-09-12T08:00:00.000Z',
    });
    await handle((uow) => app.get(DeliveriesConsumer).onPaymentFailed(failed, uow));
    expect(await recipientsOf(accountId, 'subscription-expired')).toEqual([[owner!.email, admin!.email], [owner!.email]]);
    expect(await recipientsOf(accountId, 'payment-failed')).toEqual([[owner!.email, admin!.email]]);
    const { rows } = await db.query(`SELECT locale, template_data FROM notifications.deliveries WHERE account_id = $1 AND template = 'payment-failed'`, [
      accountId,
    ]);
    expect(rows[0]).toMatchObject({ locale: 'ro', template_data: expect.objectContaining({ amountMinor: 24900, ownerEmail: owner!.email }) });
  });
});
