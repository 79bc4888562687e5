import { verify, X509Certificate } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import {
  approvalUrl,
  crc32,
  PaypalApiError,
  PaypalClient,
  PaypalTransportError,
  type Capture,
  type CreateOrderRequest,
  type Order,
  type WebhookEvent,
} from '@obolus/paypal';
import { startPaypalSandbox, type PaypalSandbox } from './server';
import { submitApprovalForm } from './test-support/approval-form';
import { startWebhookListener } from './test-support/webhook-listener';

const RETURN_URL = 'https://app.obolus.test/billing/paypal/return?purchase=p1';
const CANCEL_URL = 'https://app.obolus.test/billing/paypal/cancel';

function annualPlanOrder(overrides: Partial<CreateOrderRequest['purchase_units'][0]> = {}): CreateOrderRequest {
  return {
    intent: 'CAPTURE',
    purchase_units: [
      {
        reference_id: 'fr-crm-premium-annual',
        custom_id: 'draft_7f3a',
        invoice_id: `OB-${Math.random().toString(36).slice(2, 10)}`,
        amount: { currency_code: 'USD', value: '119.88' },
        ...overrides,
      },
    ],
    payment_source: {
      paypal: { experience_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL, user_action: 'PAY_NOW' } },
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<PaypalApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PaypalApiError)) throw new Error(`expected a PaypalApiError, got ${String(error)}`);
  return error;
}

describe('PaypalClient against the PayPal sandbox', () => {
  let sandbox: PaypalSandbox;
  let listener: Awaited<ReturnType<typeof startWebhookListener>>;
  let client: PaypalClient;

  beforeAll(async () => {
    listener = await startWebhookListener();
    sandbox = await startPaypalSandbox({ webhookUrls: [listener.url], webhookRetryBaseMs: 20 });
  });
  beforeEach(() => {
    client = new PaypalClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
  });
  afterAll(async () => {
    await sandbox.close();
    await listener.close();
  });

  async function approvedOrder(email = 'buyer@example.com', order = annualPlanOrder()): Promise<Order> {
    const created = await client.createOrder(order);
    const { response } = await submitApprovalForm(approvalUrl(created)!, { email });
    expect(response.status).toBe(302);
    return created;
  }

  it('gets an access token with the app credentials and keeps it until shortly before it expires', async () => {
    const now = { ms: 1_000_000 };
    const timed = new PaypalClient({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      tokenRefreshMarginMs: 60_000,
      now: () => now.ms,
    });
    const [first, concurrent] = await Promise.all([timed.getAccessToken(), timed.getAccessToken()]);
    expect(first).toMatch(/^A21AA/);
    expect(concurrent).toBe(first);
    now.ms += 32_400_000 - 61_000;
    expect(await timed.getAccessToken()).toBe(first);
    now.ms += 2_000;
    expect(await timed.getAccessToken()).not.toBe(first);
  });

  it('refuses wrong credentials with 401 invalid_client', async () => {
    const wrong = new PaypalClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: 'not-the-secret' });
    const error = await rejection(wrong.getAccessToken());
    expect(error.status).toBe(401);
    expect(error.errorName).toBe('invalid_client');
    expect(error.message).toContain('Client Authentication failed');
  });

  it('takes a new token once when PayPal no longer knows the cached one', async () => {
    await client.getAccessToken();
    sandbox.expireTokens();
    const order = await client.createOrder(annualPlanOrder());
    expect(order.status).toBe('PAYER_ACTION_REQUIRED');
  });

  it('creates a USD order that waits for the payer behind a payer-action link, once per PayPal-Request-Id', async () => {
    const body = annualPlanOrder();
    const order = await client.createOrder(body, { requestId: 'purchase-p1-order' });
    expect(order.id).toMatch(/^[A-Z0-9]{17}$/);
    expect(order.status).toBe('PAYER_ACTION_REQUIRED');
    expect(order.purchase_units[0]).toMatchObject({
      reference_id: 'fr-crm-premium-annual',
      custom_id: 'draft_7f3a',
      amount: { currency_code: 'USD', value: '119.88' },
    });
    expect(approvalUrl(order)).toBe(`${sandbox.url}/checkoutnow?token=${order.id}`);
    expect(order.links.map((l) => l.rel)).toEqual(['self', 'payer-action']);

    const again = await client.createOrder(body, { requestId: 'purchase-p1-order' });
    expect(again.id).toBe(order.id);
    expect((await client.createOrder(body)).id).not.toBe(order.id);
    expect(await client.getOrder(order.id)).toEqual(order);
  });

  it('answers an order made with application_context CREATED with approve, update and capture links', async () => {
    const order = await client.createOrder({
      intent: 'CAPTURE',
      purchase_units: [{ amount: { currency_code: 'USD', value: '10.00' } }],
      application_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL },
    });
    expect(order.status).toBe('CREATED');
    expect(order.purchase_units[0].reference_id).toBe('default');
    expect(order.links.map((l) => [l.rel, l.method])).toEqual([
      ['self', 'GET'],
      ['approve', 'GET'],
      ['update', 'PATCH'],
      ['capture', 'POST'],
    ]);
  });

  it('refuses to capture an order the payer has not approved', async () => {
    const order = await client.createOrder(annualPlanOrder());
    const error = await rejection(client.captureOrder(order.id, { requestId: `capture-${order.id}` }));
    expect(error.status).toBe(422);
    expect(error.errorName).toBe('UNPROCESSABLE_ENTITY');
    expect(error.issue).toBe('ORDER_NOT_APPROVED');
    expect(error.debugId).toMatch(/^[0-9a-f]{13}$/);
    expect(error.retryable).toBe(false);
  });

  it('is approved through the HTML page, sends the payer to return_url, then captures once', async () => {
    const order = await client.createOrder(annualPlanOrder());
    const { page, response } = await submitApprovalForm(approvalUrl(order)!, { email: 'jane@example.com' });
    expect(page).toContain(order.id);
    expect(page).toContain('119.88 USD');
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://app.obolus.test/billing/paypal/return');
    expect(location.searchParams.get('purchase')).toBe('p1');
    expect(location.searchParams.get('token')).toBe(order.id);
    const approved = await client.getOrder(order.id);
    expect(approved.status).toBe('APPROVED');
    expect(location.searchParams.get('PayerID')).toBe(approved.payer?.payer_id);
    expect(approved.payer?.email_address).toBe('jane@example.com');
    await listener.waitFor((h) => h.eventType === 'CHECKOUT.ORDER.APPROVED' && h.resourceId === order.id);

    const captured = await client.captureOrder(order.id, { requestId: `capture-${order.id}` });
    expect(captured.status).toBe('COMPLETED');
    const capture = captured.purchase_units[0].payments?.captures?.[0] as Capture;
    expect(capture).toMatchObject({
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '119.88' },
      final_capture: true,
      custom_id: 'draft_7f3a',
      // 3.49 % of 119.88 is 4.18, plus 0.49.
      seller_receivable_breakdown: {
        gross_amount: { currency_code: 'USD', value: '119.88' },
        paypal_fee: { currency_code: 'USD', value: '4.67' },
        net_amount: { currency_code: 'USD', value: '115.21' },
      },
      supplementary_data: { related_ids: { order_id: order.id } },
    });
    expect(capture.id).toMatch(/^[A-Z0-9]{17}$/);

    const repeated = await client.captureOrder(order.id, { requestId: `capture-${order.id}` });
    expect(repeated).toEqual(captured);
    const second = await rejection(client.captureOrder(order.id, { requestId: `another-${order.id}` }));
    expect([second.status, second.issue]).toEqual([422, 'ORDER_ALREADY_CAPTURED']);
    expect(
      sandbox.deliveries().filter((d) => d.eventType === 'PAYMENT.CAPTURE.COMPLETED' && d.body.includes(capture.id)),
    ).toHaveLength(1);
  });

  it('sends the payer to cancel_url when they cancel, leaving the order as it was', async () => {
    const order = await client.createOrder(annualPlanOrder());
    const { response } = await submitApprovalForm(approvalUrl(order)!, { action: 'cancel' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${CANCEL_URL}?token=${order.id}`);
    expect((await client.getOrder(order.id)).status).toBe('PAYER_ACTION_REQUIRED');
  });

  it('declines with 422 INSTRUMENT_DECLINED for the declining test payer, and takes a new approval', async () => {
    const order = await approvedOrder('instrument-declined@example.com');
    const error = await rejection(client.captureOrder(order.id, { requestId: `capture-${order.id}` }));
    expect([error.status, error.issue]).toEqual([422, 'INSTRUMENT_DECLINED']);
    expect((await client.getOrder(order.id)).status).toBe('PAYER_ACTION_REQUIRED');

    sandbox.approveOrder(order.id, { email: 'jane@example.com' });
    const captured = await client.captureOrder(order.id, { requestId: `capture-${order.id}` });
    expect(captured.purchase_units[0].payments?.captures?.[0].status).toBe('COMPLETED');
  });

  it('answers a DECLINED capture and sends PAYMENT.CAPTURE.DENIED for the denied test payer', async () => {
    const order = await approvedOrder('capture-declined@example.com');
    const captured = await client.captureOrder(order.id);
    const capture = captured.purchase_units[0].payments?.captures?.[0] as Capture;
    expect(captured.status).toBe('COMPLETED');
    expect(capture.status).toBe('DECLINED');
    expect(capture.seller_receivable_breakdown).toBeUndefined();
    const hook = await listener.waitFor((h) => h.eventType === 'PAYMENT.CAPTURE.DENIED' && h.resourceId === capture.id);
    expect((JSON.parse(hook.rawBody) as WebhookEvent).summary).toBe('Payment denied for $ 119.88 USD');
    const refused = await rejection(client.refundCapture(capture.id));
    expect(refused.issue).toBe('REFUND_NOT_ALLOWED');
  });

  it('refunds part of a capture, then the rest, never more than was captured, once per request id', async () => {
    const order = await approvedOrder();
    const captured = await client.captureOrder(order.id);
    const captureId = captured.purchase_units[0].payments!.captures![0].id;

    const partial = await client.refundCapture(
      captureId,
      { amount: { currency_code: 'USD', value: '20.00' }, note_to_payer: 'Two seats removed' },
      { requestId: 'refund-r1' },
    );
    expect(partial).toMatchObject({ status: 'COMPLETED', amount: { currency_code: 'USD', value: '20.00' } });
    expect(partial.seller_payable_breakdown?.total_refunded_amount.value).toBe('20.00');
    expect(
      await client.refundCapture(captureId, { amount: { currency_code: 'USD', value: '20.00' } }, { requestId: 'refund-r1' }),
    ).toEqual(partial);

    const over = await rejection(client.refundCapture(captureId, { amount: { currency_code: 'USD', value: '99.89' } }));
    expect([over.status, over.issue]).toEqual([422, 'REFUND_AMOUNT_EXCEEDED']);
    const currency = await rejection(client.refundCapture(captureId, { amount: { currency_code: 'EUR', value: '1.00' } }));
    expect(currency.issue).toBe('REFUND_CAPTURE_CURRENCY_MISMATCH');

    const rest = await client.refundCapture(captureId);
    expect(rest.amount.value).toBe('99.88');
    expect(rest.seller_payable_breakdown?.total_refunded_amount.value).toBe('119.88');
    const after = await client.getOrder(order.id);
    expect(after.purchase_units[0].payments?.captures?.[0].status).toBe('REFUNDED');
    const again = await rejection(client.refundCapture(captureId));
    expect(again.issue).toBe('CAPTURE_FULLY_REFUNDED');

    const hook = await listener.waitFor((h) => h.eventType === 'PAYMENT.CAPTURE.REFUNDED' && h.resourceId === rest.id);
    expect((JSON.parse(hook.rawBody) as WebhookEvent).resource_type).toBe('refund');
  });

  it('delivers a signed PAYMENT.CAPTURE.COMPLETED that PayPal verifies and that checks out independently', async () => {
    const order = await approvedOrder();
    const captured = await client.captureOrder(order.id);
    const captureId = captured.purchase_units[0].payments!.captures![0].id;
    const hook = await listener.waitFor((h) => h.eventType === 'PAYMENT.CAPTURE.COMPLETED' && h.resourceId === captureId);

    const event = JSON.parse(hook.rawBody) as WebhookEvent<Capture>;
    expect(event.id).toMatch(/^WH-[A-Z0-9]{17}-[A-Z0-9]{17}$/);
    expect(event).toMatchObject({
      event_version: '1.0',
      resource_type: 'capture',
      summary: 'Payment completed for $ 119.88 USD',
      resource: { id: captureId, status: 'COMPLETED', supplementary_data: { related_ids: { order_id: order.id } } },
    });
    expect(event.links.map((l) => l.rel)).toEqual(['self', 'resend']);
    expect(hook.headers['paypal-auth-algo']).toBe('SHA256withRSA');
    expect(hook.headers['paypal-cert-url']).toBe(sandbox.certUrl);

    expect(await client.verifyWebhookSignature(hook.headers, hook.rawBody, sandbox.webhookId)).toEqual({
      verification_status: 'SUCCESS',
    });
    const forged = hook.rawBody.replace('119.88', '1.00');
    expect((await client.verifyWebhookSignature(hook.headers, forged, sandbox.webhookId)).verification_status).toBe('FAILURE');
    expect((await client.verifyWebhookSignature(hook.headers, hook.rawBody, 'OTHERWEBHOOK0001')).verification_status).toBe(
      'FAILURE',
    );
    const foreignCert = { ...hook.headers, 'paypal-cert-url': 'https://attacker.test/cert.pem' };
    expect((await client.verifyWebhookSignature(foreignCert, hook.rawBody, sandbox.webhookId)).verification_status).toBe(
      'FAILURE',
    );
    expect((await client.verifyWebhookSignature({}, hook.rawBody, sandbox.webhookId)).verification_status).toBe('FAILURE');

    // The same check without PayPal: the certificate served at paypal-cert-url, and the CRC-32 rule.
    const certificate = new X509Certificate(await (await fetch(String(hook.headers['paypal-cert-url']))).text());
    const signed = [
      hook.headers['paypal-transmission-id'],
      hook.headers['paypal-transmission-time'],
      sandbox.webhookId,
      crc32(Buffer.from(hook.rawBody, 'utf8')),
    ].join('|');
    const signature = Buffer.from(String(hook.headers['paypal-transmission-sig']), 'base64');
    expect(verify('sha256', Buffer.from(signed), certificate.publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from(signed.replace(/\|\d+$/, `|${crc32(forged)}`)), certificate.publicKey, signature)).toBe(
      false,
    );
  });

  it('turns a 500 into a retryable PaypalApiError and works again on the next call', async () => {
    const order = await approvedOrder();
    sandbox.failNext();
    const error = await rejection(client.captureOrder(order.id, { requestId: `capture-${order.id}` }));
    expect([error.status, error.errorName, error.retryable]).toEqual([500, 'INTERNAL_SERVER_ERROR', true]);
    const captured = await client.captureOrder(order.id, { requestId: `capture-${order.id}` });
    expect(captured.status).toBe('COMPLETED');
  });

  it('gives up on a PayPal that does not answer within the timeout', async () => {
    const held = new Set<Socket>();
    const silent: Server = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const slow = new PaypalClient({ baseUrl: `http://127.0.0.1:${port}`, clientId: 'a', clientSecret: 'b', timeoutMs: 150 });
    const error = await slow.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaypalTransportError);
    expect((error as PaypalTransportError).timedOut).toBe(true);
    const closed = new PaypalClient({ baseUrl: 'http://127.0.0.1:1', clientId: 'a', clientSecret: 'b' });
    const refused = await closed.getAccessToken().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaypalTransportError);
    expect((refused as PaypalTransportError).timedOut).toBe(false);
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
