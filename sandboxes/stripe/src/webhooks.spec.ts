import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox } from './index';
import { startWebhookReceiver } from './test-support/webhook-receiver';
import { signatureHeader } from './webhooks';

function client(sandbox: StripeSandbox): Stripe {
  return new Stripe('sk_test_obolus', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('webhook signatures', () => {
  it('signs `<t>.<body>` with HMAC-SHA256 in the v1 scheme', () => {
    const header = signatureHeader('{"id":"evt_1"}', 'whsec_x', 1_700_000_000);
    const expected = createHmac('sha256', 'whsec_x').update('1700000000.{"id":"evt_1"}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });
});

describe('webhook delivery', () => {
  let sandbox: StripeSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('retries after a 500 and keeps the events of one object in order', async () => {
    const receiver = await startWebhookReceiver((_hook, index) => (index === 0 ? 500 : 200));
    sandbox = await startStripeSandbox({ port: 0, webhookSecret: 'whsec_test_retry', webhookRetryBaseMs: 30 });
    const res = await fetch(`${sandbox.url}/_sandbox/webhook_endpoints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(await res.json()).toEqual({ data: [receiver.url] });

    const stripe = client(sandbox);
    const cus = await stripe.customers.create({ email: 'retry@example.ro' });
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      customer: cus.id,
      payment_method: 'pm_card_visa',
      off_session: true,
      confirm: true,
    });
    await sandbox.webhooksIdle();

    const first = sandbox.deliveries().find((d) => d.eventType === 'customer.created')!;
    expect(first.status).toBe('succeeded');
    expect(first.attempts.map((a) => a.status)).toEqual([500, 200]);
    // Each try is signed afresh and verifies with the endpoint's secret.
    const tries = receiver.received.filter((h) => h.objectId === cus.id);
    expect(tries).toHaveLength(2);
    for (const hook of tries)
      expect(stripe.webhooks.constructEvent(hook.rawBody, hook.signature, 'whsec_test_retry').type).toBe('customer.created');

    const forIntent = receiver.received.filter((h) => h.objectId === pi.id).map((h) => h.type);
    expect(forIntent).toEqual(['payment_intent.created', 'payment_intent.succeeded']);

    const listed = await fetch(`${sandbox.url}/_sandbox/deliveries`).then((r) => r.json() as Promise<{ data: unknown[] }>);
    expect(listed.data).toHaveLength(sandbox.deliveries().length);
    const event = await stripe.events.retrieve(first.eventId);
    expect(event.pending_webhooks).toBe(0);
    await receiver.close();
  });

  it('holds later events of an object back while an earlier one is retried', async () => {
    let failuresLeft = 2;
    const receiver = await startWebhookReceiver((hook) =>
      hook.type === 'payment_intent.created' && failuresLeft-- > 0 ? 503 : 200,
    );
    sandbox = await startStripeSandbox({ port: 0, webhookUrls: [receiver.url], webhookRetryBaseMs: 30 });
    const stripe = client(sandbox);
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await sandbox.webhooksIdle();
    expect(receiver.received.filter((h) => h.objectId === pi.id).map((h) => h.type)).toEqual([
      'payment_intent.created',
      'payment_intent.created',
      'payment_intent.created',
      'payment_intent.succeeded',
    ]);
    await receiver.close();
  });

  it('gives up after the last try when the endpoint cannot be reached', async () => {
    sandbox = await startStripeSandbox({
      port: 0,
      webhookUrls: ['http://127.0.0.1:9/unreachable'],
      webhookMaxAttempts: 3,
      webhookRetryBaseMs: 10,
    });
    await client(sandbox).customers.create({ email: 'nobody@example.ro' });
    await sandbox.webhooksIdle();
    const [delivery] = sandbox.deliveries();
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    expect(delivery.attempts.every((a) => a.status === null && a.error)).toBe(true);
  });

  it('forgets objects, events and deliveries on reset', async () => {
    const receiver = await startWebhookReceiver();
    sandbox = await startStripeSandbox({ port: 0, webhookUrls: [receiver.url] });
    const stripe = client(sandbox);
    const cus = await stripe.customers.create({ email: 'reset@example.ro' });
    await eventually(() => sandbox!.deliveries().some((d) => d.status === 'succeeded'));
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    expect(sandbox.deliveries()).toEqual([]);
    await expect(stripe.customers.retrieve(cus.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.events.list()).data).toEqual([]);
    await receiver.close();
  });
});
