import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { PaymentSucceededV1 } from '@obolus/contracts';
import { serviceConnectionUrl } from '@obolus/database';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { bootstrapService, nameBasedUuid } from '@obolus/platform';
import { PaypalClient } from '@obolus/paypal';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the PayPal sandbox stands in for PayPal, as in e2e
import { PaypalSandbox, startPaypalSandbox } from '@obolus/paypal-sandbox';
import { serveJwks } from '@obolus/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { STATEMENT_UPLOAD } from '../src/bank-transfers/statement-upload';
import { paymentsConfigSpec } from '../src/payments.config';
import { PaymentsModule } from '../src/payments.module';
import { StartPaypalCheckoutCommand } from '../src/paypal/use-cases/start-paypal-checkout/start-paypal-checkout.command';
import { StartPaypalCheckoutUseCase } from '../src/paypal/use-cases/start-paypal-checkout/start-paypal-checkout.use-case';

/** PayPal against the real payments schema and the PayPal sandbox: one capture under concurrent returns and webhooks. */
describe('payments captures a PayPal order once and refuses what PayPal did not sign (real Postgres)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let paypal: PaypalSandbox;
  let client: PaypalClient;
  const accountId = randomUUID();

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    paypal = await startPaypalSandbox({ port: 0, webhookRetryBaseMs: 100 });
    client = new PaypalClient({ baseUrl: paypal.url, clientId: paypal.clientId, clientSecret: paypal.clientSecret });
    Object.assign(process.env, {
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'payments'),
      IDENTITY_JWKS_URL: jwks.url,
      STRIPE_SECRET_KEY: 'sk_test_paypal',
      STRIPE_API_URL: 'http://127.0.0.1:9',
      STRIPE_WEBHOOK_SECRET: 'whsec_paypal',
      PAYPAL_API_URL: paypal.url,
      PAYPAL_CLIENT_ID: paypal.clientId,
      PAYPAL_CLIENT_SECRET: paypal.clientSecret,
      PAYPAL_WEBHOOK_ID: paypal.webhookId,
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'payments',
      config: paymentsConfigSpec,
      module: (config, logger) => PaymentsModule.forRoot(config, logger),
      rawBodies: [STATEMENT_UPLOAD],
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    paypal.addWebhookListener(`${url}/webhooks/paypal`);
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await paypal?.close();
    await jwks?.close();
  });

  async function requested(amountMinor = 54000) {
    const draftId = randomUUID();
    const command = StartPaypalCheckoutCommand.create({
      accountId,
      draftId,
      amountMinor,
      currency: 'USD',
      description: 'Dream Team (annual)',
      requestedAt: new Date('2026-11-27T10:00:00Z').toISOString(),
    });
    await app.get(UnitOfWorkRunner).run((uow) => app.get(StartPaypalCheckoutUseCase).execute(command, uow));
    const paymentId = nameBasedUuid('obolus.payments.payment-for-draft', draftId);
    const { rows } = await db.query<{ provider_order_id: string; approve_url: string; status: string }>(
      `SELECT provider_order_id, approve_url, status FROM payments.payments WHERE id = $1`,
      [paymentId],
    );
    return { paymentId, draftId, orderId: rows[0]!.provider_order_id, row: rows[0]! };
  }

  const succeededEvents = async (paymentId: string) =>
    (
      await db.query(`SELECT 1 FROM payments.outbox WHERE event_type = $1 AND envelope->'data'->>'paymentId' = $2`, [
        PaymentSucceededV1.type,
        paymentId,
      ])
    ).rows.length;

  it('keeps the order and its approval link; the approval webhook and three returns at once capture it once and announce it once', async () => {
    const { paymentId, orderId, row } = await requested();
    expect(row).toMatchObject({ status: 'processing', approve_url: `${paypal.url}/checkoutnow?token=${orderId}` });
    const approval = paypal.approveOrder(orderId);
    // PayPal sends the payer to PAYPAL_RETURN_URL (the default here); the browser lands on this instance.
    expect(approval.redirectUrl).toMatch(new RegExp(`^http://127.0.0.1:4003/paypal/return\\?token=${orderId}&PayerID=`));
    const back = `${url}/paypal/return?token=${orderId}&PayerID=${approval.order.payer!.payer_id}`;
    const returns = await Promise.all([1, 2, 3].map(() => fetch(back).then(async (r) => [r.status, await r.json()])));
    for (const [status, body] of returns) {
      expect(status).toBe(200);
      expect(body).toEqual({ paymentId, status: 'succeeded', approveUrl: null });
    }
    await paypal.webhooksIdle();
    const ours = paypal.deliveries().filter((d) => d.body.includes(orderId));
    expect(ours.map((d) => [d.eventType, d.status]).sort()).toEqual([
      ['CHECKOUT.ORDER.APPROVED', 'succeeded'],
      ['PAYMENT.CAPTURE.COMPLETED', 'succeeded'],
    ]);
    const order = await client.getOrder(orderId);
    expect(order.purchase_units[0]!.payments!.captures).toHaveLength(1);
    const { rows } = await db.query(`SELECT status, provider_payment_id, approve_url FROM payments.payments WHERE id = $1`, [
      paymentId,
    ]);
    expect(rows[0]).toEqual({
      status: 'succeeded',
      provider_payment_id: order.purchase_units[0]!.payments!.captures![0]!.id,
      approve_url: null,
    });
    expect(await succeededEvents(paymentId)).toBe(1);
    // PayPal delivering the same webhook again is answered as a duplicate.
    const completed = ours.find((d) => d.eventType === 'PAYMENT.CAPTURE.COMPLETED')!;
    const again = await fetch(`${url}/webhooks/paypal`, { method: 'POST', headers: completed.headers, body: completed.body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await succeededEvents(paymentId)).toBe(1);
  });

  it('refuses webhooks PayPal does not verify and returns without a valid order, in the error shape, recording nothing', async () => {
    const { paymentId } = await requested(12300);
    await paypal.webhooksIdle();
    // A genuine transmission, recorded already (the first test's), to tamper with.
    const genuine = paypal.deliveries().find((d) => d.eventType === 'CHECKOUT.ORDER.APPROVED')!;
    const events = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM payments.provider_events WHERE provider = 'paypal'`)).rows[0].n);
    const before = await events();
    const forgedId = `WH-${randomBytes(6).toString('hex')}`;
    const attempts: Array<{ headers: Record<string, string>; body: string; status: number; code: string }> = [
      // Another event id under a genuine transmission: the signature covers the body.
      {
        headers: genuine.headers,
        body: genuine.body.replace(JSON.parse(genuine.body).id, forgedId),
        status: 400,
        code: 'WEBHOOK_SIGNATURE_INVALID',
      },
      { headers: { 'content-type': 'application/json' }, body: genuine.body, status: 400, code: 'WEBHOOK_SIGNATURE_INVALID' },
      {
        headers: { ...genuine.headers, 'paypal-cert-url': 'https://evil.example/cert.pem' },
        body: genuine.body,
        status: 400,
        code: 'WEBHOOK_SIGNATURE_INVALID',
      },
      {
        headers: { ...genuine.headers, 'content-type': 'text/plain' },
        body: genuine.body,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      { headers: genuine.headers, body: '{"id":', status: 400, code: 'MALFORMED_JSON' },
    ];
    for (const attempt of attempts) {
      const answer = await fetch(`${url}/webhooks/paypal`, { method: 'POST', headers: attempt.headers, body: attempt.body });
      const body = (await answer.json()) as { code: string; message: string };
      expect({ status: answer.status, code: body.code }).toEqual({ status: attempt.status, code: expect.any(String) });
      expect(typeof body.message).toBe('string');
      if (attempt.code !== 'MALFORMED_JSON') expect(body.code).toBe(attempt.code);
    }
    expect(await events()).toBe(before);

    const returned = async (query: string) => {
      const answer = await fetch(`${url}/paypal/return${query}`);
      return { status: answer.status, body: (await answer.json()) as { code: string; fields: { field: string }[] } };
    };
    for (const query of ['', '?token=', '?token=..%2Fv1%2Foauth2', `?token=${'A'.repeat(65)}`]) {
      const { status, body } = await returned(query);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.fields).toEqual([expect.objectContaining({ field: 'token' })]);
    }
    const unknown = await returned('?token=5O190127TN364715T');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PAYPAL_ORDER_NOT_FOUND', fields: [{ field: 'token' }] });
    expect(await events()).toBe(before);
    const { rows } = await db.query(`SELECT status FROM payments.payments WHERE id = $1`, [paymentId]);
    expect(rows[0]).toEqual({ status: 'processing' });
    expect(await succeededEvents(paymentId)).toBe(0);
  });
});
