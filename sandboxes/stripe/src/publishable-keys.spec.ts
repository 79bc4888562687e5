import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox } from './index';
import { startWebhookReceiver } from './test-support/webhook-receiver';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** What Stripe.js does in a customer's browser: form posts with the publishable key and the intent's client secret. */
describe('Stripe sandbox, from the browser with a publishable key', () => {
  let sandbox: StripeSandbox;
  let receiver: Receiver;
  let stripe: Stripe;
  const publishable = 'pk_test_obolus_browser';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startStripeSandbox({ port: 0, webhookUrls: [receiver.url], asyncDelayMs: 50, webhookRetryBaseMs: 20 });
    stripe = new Stripe('sk_test_obolus', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const browser = async (method: string, path: string, form: Record<string, string> = {}, origin = 'https://portal.example') => {
    const body = new URLSearchParams(form).toString();
    const response = await fetch(`${sandbox.url}${path}${method === 'GET' && body ? `?${body}` : ''}`, {
      method,
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  };

  async function setupIntent(types: string[] = ['card']): Promise<Stripe.SetupIntent> {
    const customer = await stripe.customers.create({ email: 'owner@atelier.example' });
    return stripe.setupIntents.create({
      customer: customer.id,
      allowed_payment_method_types: types,
      usage: 'off_session',
    } as Stripe.SetupIntentCreateParams);
  }

  it('confirms a card SetupIntent with the key and client secret, fires setup_intent.succeeded, and answers CORS', async () => {
    const intent = await setupIntent();
    const confirmed = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4242424242424242',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 3),
      'payment_method_data[card][cvc]': '123',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(confirmed.headers.get('access-control-allow-origin')).toBe('*');
    const pm = await stripe.paymentMethods.retrieve(confirmed.body.payment_method as string);
    expect(pm).toMatchObject({ type: 'card', customer: intent.customer, card: { last4: '4242', brand: 'visa' } });
    const hook = await receiver.waitFor((h) => h.type === 'setup_intent.succeeded' && h.objectId === intent.id);
    expect(hook).toBeDefined();

    const read = await browser('GET', `/v1/setup_intents/${intent.id}`, {
      key: publishable,
      client_secret: intent.client_secret!,
    });
    expect(read).toMatchObject({ status: 200, body: { id: intent.id, status: 'succeeded' } });

    const preflight = await fetch(`${sandbox.url}/v1/setup_intents/${intent.id}/confirm`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses a wrong client secret, another intent, and every secret-only call made with a publishable key', async () => {
    const intent = await setupIntent();
    const other = await setupIntent();
    const wrong = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: other.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4242424242424242',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2099',
    });
    expect(wrong).toMatchObject({ status: 404, body: { error: { code: 'resource_missing' } } });
    expect((await stripe.setupIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

    const listing = await browser('GET', '/v1/customers', { key: publishable });
    expect(listing.status).toBe(401);
    expect(listing.body.error.message).toMatch(/publishable API key/);
    const viaSdk = new Stripe(publishable, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    await expect(viaSdk.customers.create({ email: 'x@example.com' })).rejects.toMatchObject({ statusCode: 401 });
    await expect(viaSdk.setupIntents.retrieve(intent.id)).rejects.toMatchObject({ statusCode: 404 });
    expect(await viaSdk.setupIntents.retrieve(intent.id, { client_secret: intent.client_secret! })).toMatchObject({
      id: intent.id,
    });
    expect((await browser('POST', '/v1/setup_intents', { key: 'pk_live_nope' })).status).toBe(401);
  });

  it('answers card errors for a bad number, expiry or CVC with the field named, and saves nothing', async () => {
    const intent = await setupIntent();
    const attempt = (card: Record<string, string>) =>
      browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
        key: publishable,
        client_secret: intent.client_secret!,
        'payment_method_data[type]': 'card',
        ...Object.fromEntries(Object.entries(card).map(([name, value]) => [`payment_method_data[card][${name}]`, value])),
      });
    const good = { number: '4242424242424242', exp_month: '12', exp_year: '2099', cvc: '123' };
    expect((await attempt({ ...good, number: '4242424242424241' })).body.error).toMatchObject({ code: 'incorrect_number' });
    expect((await attempt({ ...good, exp_month: '13' })).body.error).toMatchObject({
      code: 'invalid_expiry_month',
      param: 'exp_month',
    });
    const stale = await attempt({ ...good, exp_year: '2001' });
    expect(stale).toMatchObject({
      status: 402,
      body: { error: { type: 'card_error', code: 'invalid_expiry_year', param: 'exp_year' } },
    });
    expect((await attempt({ ...good, cvc: '12' })).body.error).toMatchObject({ code: 'invalid_cvc', param: 'cvc' });
    expect((await stripe.setupIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
    expect((await stripe.paymentMethods.list({ customer: intent.customer as string, type: 'card' })).data).toEqual([]);
  });

  it('saves an IBAN for SEPA from the browser with the online mandate Stripe.js sends', async () => {
    const intent = await setupIntent(['sepa_debit']);
    const confirmed = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'sepa_debit',
      'payment_method_data[sepa_debit][iban]': 'DE89370400440532013000',
      'payment_method_data[billing_details][name]': 'Müller GmbH',
      'payment_method_data[billing_details][email]': 'buchhaltung@mueller.example',
      'mandate_data[customer_acceptance][type]': 'online',
      'mandate_data[customer_acceptance][online][infer_from_client]': 'true',
    });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'succeeded', mandate: expect.stringMatching(/^mandate_/) } });
  });
});
