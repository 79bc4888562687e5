import { JwtAccessTokenVerifier } from '@obolus/auth';
import { MailSandbox, startMailSandbox } from '@obolus/mail-sandbox';
import { serviceEnvironment, ServiceProcess, startServiceProcess } from '@obolus/stack';
import { uniqueSuffix, waitFor } from '@obolus/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

interface Envelope {
  id: string;
  type: string;
  accountid: string;
  data: Record<string, unknown>;
}

/**
 * identity as its own process against the real Postgres and Kafka: its events reach another
 * service (notifications records the welcome e-mail of account.created) and the broker
 * (password-reset.requested, user.invited, user.joined), and its tokens verify offline elsewhere.
 */
describe('identity end to end', () => {
  const adminUrl = process.env.DATABASE_ADMIN_URL!;
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  let identity: ServiceProcess;
  let notifications: ServiceProcess;
  let db: Client;
  let consumer: Consumer;
  let mail: MailSandbox;
  const seen: Envelope[] = [];

  beforeAll(async () => {
    const stack = { databaseAdminUrl: adminUrl, kafkaBrokers: brokers };
    identity = await startServiceProcess({
      service: 'identity',
      env: { ...serviceEnvironment('identity', stack, 5201), IDENTITY_APP_URL: 'https://app.obolus.example', LOG_LEVEL: 'warn' },
    });
    mail = await startMailSandbox();
    notifications = await startServiceProcess({
      service: 'notifications',
      env: {
        ...serviceEnvironment('notifications', stack, 5206),
        SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
        LOG_LEVEL: 'warn',
      },
    });
    db = new Client({ connectionString: adminUrl });
    await db.connect();
    consumer = new Kafka({ clientId: 'identity-e2e', brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `identity-e2e-${uniqueSuffix()}`,
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: ['identity.account.v1', 'identity.user.v1', 'identity.credentials.v1'],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) seen.push(JSON.parse(message.value.toString()) as Envelope);
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await db?.end();
    const codes = await Promise.all([identity?.stop(), notifications?.stop()]);
    await mail?.close();
    expect(codes).toEqual([0, 0]);
  });

  const post = async <T = Record<string, unknown>>(path: string, body: unknown, token?: string) => {
    const response = await fetch(`${identity.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  const eventOf = (type: string, accountId: string) =>
    waitFor(() => seen.find((e) => e.type === type && e.accountid === accountId), {
      what: `${type} for ${accountId}`,
      timeoutMs: 30_000,
    });

  it('signs up, and notifications consumes account.created; tokens verify offline in another process', async () => {
    const email = `owner+${uniqueSuffix()}@firma-popescu.ro`;
    const created = await post<{ accountId: string; ownerUserId: string }>('/accounts', {
      companyName: 'Firma Popescu SRL',
      email,
      password: 'Carpathian-ridge-2026',
      country: 'RO',
      catalog: 'ro-crm',
      signupChannel: 'partner-ro',
    });
    expect(created.status).toBe(201);
    const { accountId } = created.body;

    const delivery = await waitFor(
      async () => {
        const row = (await db.query('SELECT * FROM notifications.deliveries WHERE account_id = $1', [accountId])).rows[0];
        // Recorded as pending in the event's transaction, then sent after the commit.
        return row?.status === 'pending' ? undefined : row;
      },
      { what: 'the welcome delivery, sent' },
    );
    expect(delivery).toMatchObject({ template: 'welcome', recipients: [email], status: 'sent' });
    expect((await mail.waitFor((m) => m.envelope.to.includes(email), 10_000)).subject).toMatch(/^Bienvenue|^Welcome|^Bun venit/);
    expect((await eventOf('obolus.identity.account.created.v1', accountId)).data).toMatchObject({
      signupChannel: 'partner-ro',
      catalog: 'ro-crm',
      country: 'RO',
    });

    const signIn = await post<{ accessToken: string }>('/auth/sign-in', { email, password: 'Carpathian-ridge-2026' });
    expect(signIn.status).toBe(200);
    const verifier = new JwtAccessTokenVerifier({ jwksUrl: `${identity.url}/.well-known/jwks.json` });
    await expect(verifier.verify(signIn.body.accessToken)).resolves.toMatchObject({
      kind: 'customer',
      accountId,
      role: 'owner',
      email,
    });
  });

  it('publishes password-reset.requested with a working single-use link', async () => {
    const email = `reset+${uniqueSuffix()}@atelier-dupont.fr`;
    const { body } = await post<{ accountId: string }>('/accounts', {
      companyName: 'Atelier Dupont',
      email,
      password: 'Velvet-harbour-1987',
      country: 'FR',
      catalog: 'fr-crm',
      signupChannel: 'web',
    });
    expect((await post('/auth/password-reset', { email })).status).toBe(202);
    const event = await eventOf('obolus.identity.credentials.password-reset-requested.v1', body.accountId);
    expect(event.data).toMatchObject({ accountId: body.accountId, email, locale: 'fr' });
    const link = new URL(String(event.data.resetUrl));
    expect(link.origin).toBe('https://app.obolus.example');
    const token = link.searchParams.get('token');
    expect((await post('/auth/password-reset/confirm', { token, newPassword: 'Lavender-fields-2027' })).status).toBe(204);
    expect((await post('/auth/password-reset/confirm', { token, newPassword: 'Lavender-fields-2028' })).status).toBe(400);
    expect((await post('/auth/sign-in', { email, password: 'Lavender-fields-2027' })).status).toBe(200);
  });

  it('publishes user.invited and user.joined for the seat count', async () => {
    const email = `team+${uniqueSuffix()}@atelier-dupont.fr`;
    const { body } = await post<{ accountId: string }>('/accounts', {
      companyName: 'Atelier Dupont',
      email,
      password: 'Velvet-harbour-1987',
      country: 'FR',
      catalog: 'fr-crm',
      signupChannel: 'web',
    });
    const owner = await post<{ accessToken: string }>('/auth/sign-in', { email, password: 'Velvet-harbour-1987' });
    const invitee = `colleague+${uniqueSuffix()}@atelier-dupont.fr`;
    expect(
      (await post(`/accounts/${body.accountId}/invitations`, { email: invitee, role: 'user' }, owner.body.accessToken)).status,
    ).toBe(201);
    const invited = await eventOf('obolus.identity.user.invited.v1', body.accountId);
    const token = new URL(String(invited.data.acceptUrl)).searchParams.get('token');
    const joined = await post<{ userId: string }>('/invitations/accept', {
      token,
      password: 'Colleague-pass-2026',
      name: 'Claire',
    });
    expect(joined.status).toBe(201);
    expect((await eventOf('obolus.identity.user.joined.v1', body.accountId)).data).toMatchObject({
      userId: joined.body.userId,
      email: invitee,
      role: 'user',
    });
  });
});
