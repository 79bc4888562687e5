import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox } from './index';
import { startWebhookReceiver } from './test-support/webhook-receiver';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
/** A Stripe answer as JSON, read field by field in the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Stripe object or error
type Answer = Record<string, any>;

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
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
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
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'succeeded' } });
    // The mandate is not for the browser to read; the secret key finds it, with the browser's address and user agent.
    expect(confirmed.body).not.toHaveProperty('mandate');
    const full = await stripe.setupIntents.retrieve(intent.id);
    expect(await stripe.mandates.retrieve(full.mandate as string)).toMatchObject({
      status: 'active',
      payment_method_details: { type: 'sepa_debit' },
      customer_acceptance: { type: 'online', online: { ip_address: expect.any(String), user_agent: expect.any(String) } },
    });
    await receiver.waitFor((h) => h.type === 'setup_intent.succeeded' && h.objectId === intent.id);
  });

  const bearer = async (method: string, path: string, form: Record<string, string> = {}) => {
    const body = new URLSearchParams(form).toString();
    const response = await fetch(`${sandbox.url}${path}${method === 'GET' && body ? `?${body}` : ''}`, {
      method,
      headers: { authorization: `Bearer ${publishable}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : body,
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };

  /** What Stripe.js adds to a confirm for its fraud checks; the sandbox takes and ignores it. */
  const telemetry = {
    'payment_method_data[payment_user_agent]': 'stripe.js/0000000000; stripe-js-v3/0000000000; card-element',
    'payment_method_data[time_on_page]': '41230',
    'payment_method_data[guid]': 'NA',
    'payment_method_data[muid]': 'NA',
    'payment_method_data[sid]': 'NA',
    expected_payment_method_type: 'card',
    use_stripe_sdk: 'true',
  };

  it('answers a publishable key only what Stripe lets it read: no customer, metadata or expanded customer', async () => {
    const customer = await stripe.customers.create({ email: 'owner@atelier.example', metadata: { account_id: 'acc-1' } });
    const intent = await stripe.setupIntents.create({
      customer: customer.id,
      allowed_payment_method_types: ['card'],
      metadata: { account_id: 'acc-1' },
    } as Stripe.SetupIntentCreateParams);
    const read = await browser('GET', `/v1/setup_intents/${intent.id}`, {
      key: publishable,
      client_secret: intent.client_secret!,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: intent.id, client_secret: intent.client_secret, status: 'requires_payment_method' });
    expect(read.body).not.toHaveProperty('customer');
    expect(read.body).not.toHaveProperty('metadata');
    expect(JSON.stringify(read.body)).not.toContain(customer.id);

    const expanded = await browser('GET', `/v1/setup_intents/${intent.id}`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'expand[]': 'customer',
    });
    expect(expanded).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', param: 'expand' } } });
    expect(JSON.stringify(expanded.body)).not.toContain('owner@atelier.example');

    const confirmed = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'expand[]': 'payment_method',
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '5555555555554444',
      'payment_method_data[card][exp_month]': '1',
      'payment_method_data[card][exp_year]': '2099',
      'payment_method_data[card][cvc]': '737',
      ...telemetry,
    });
    expect(confirmed).toMatchObject({
      status: 200,
      body: { status: 'succeeded', payment_method: { object: 'payment_method', card: { brand: 'mastercard', last4: '4444' } } },
    });
    expect(JSON.stringify(confirmed.body)).not.toContain(customer.id);
    // The secret key still sees the whole intent, its PaymentMethod on the customer.
    const full = await stripe.setupIntents.retrieve(intent.id, { expand: ['payment_method'] });
    expect(full).toMatchObject({ customer: customer.id, metadata: { account_id: 'acc-1' } });
    expect((full.payment_method as Stripe.PaymentMethod).customer).toBe(customer.id);

    const pmId = confirmed.body.payment_method.id as string;
    expect((await bearer('GET', `/v1/payment_methods/${pmId}`)).status).toBe(401);
    expect((await bearer('GET', `/v1/customers/${customer.id}`)).status).toBe(401);
    expect(
      (await bearer('POST', `/v1/setup_intents/${intent.id}`, { client_secret: intent.client_secret!, description: 'x' })).status,
    ).toBe(401);
    expect((await bearer('POST', `/v1/setup_intents/${intent.id}/cancel`, { client_secret: intent.client_secret! })).status).toBe(
      401,
    );
  });

  it('keeps the test cards: a decline card is a 402 without the customer, a 3D Secure card asks for authentication', async () => {
    const intent = await setupIntent();
    const declined = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4000000000000002',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2099',
      'payment_method_data[card][cvc]': '123',
    });
    expect(declined).toMatchObject({
      status: 402,
      body: { error: { type: 'card_error', code: 'card_declined', setup_intent: { id: intent.id } } },
    });
    expect(JSON.stringify(declined.body)).not.toContain(intent.customer as string);
    await receiver.waitFor((h) => h.type === 'setup_intent.setup_failed' && h.objectId === intent.id);

    const secure = await browser('POST', `/v1/setup_intents/${intent.id}/confirm`, {
      key: publishable,
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4000002500003155',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2099',
      'payment_method_data[card][cvc]': '123',
    });
    expect(secure).toMatchObject({ status: 200, body: { status: 'requires_action', next_action: { type: 'use_stripe_sdk' } } });
    const authenticated = await fetch(`${sandbox.url}/_sandbox/setup_intents/${intent.id}/authenticate`, { method: 'POST' });
    expect(authenticated.status).toBe(200);
    await receiver.waitFor((h) => h.type === 'setup_intent.succeeded' && h.objectId === intent.id);
    const read = await browser('GET', `/v1/setup_intents/${intent.id}`, {
      key: publishable,
      client_secret: intent.client_secret!,
    });
    expect(read.body).toMatchObject({ status: 'succeeded', next_action: null });
  });

  it("confirms a PaymentIntent with the key as Bearer and refuses another intent's client secret", async () => {
    const customer = await stripe.customers.create({ email: 'owner@atelier.example' });
    const intent = await stripe.paymentIntents.create({
      amount: 4900,
      currency: 'eur',
      customer: customer.id,
      allowed_payment_method_types: ['card'],
    } as Stripe.PaymentIntentCreateParams);
    const other = await stripe.paymentIntents.create({
      amount: 100,
      currency: 'eur',
      allowed_payment_method_types: ['card'],
    } as Stripe.PaymentIntentCreateParams);
    expect((await bearer('GET', `/v1/payment_intents/${intent.id}`, { client_secret: other.client_secret! })).body).toMatchObject(
      {
        error: { code: 'resource_missing' },
      },
    );
    expect((await bearer('GET', `/v1/payment_intents/${intent.id}`)).status).toBe(404);
    const paid = await bearer('POST', `/v1/payment_intents/${intent.id}/confirm`, {
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4242424242424242',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2099',
      'payment_method_data[card][cvc]': '123',
      ...telemetry,
    });
    expect(paid).toMatchObject({ status: 200, body: { id: intent.id, status: 'succeeded', amount: 4900, currency: 'eur' } });
    expect(paid.body).not.toHaveProperty('customer');
    expect(paid.body).not.toHaveProperty('latest_charge');
    await receiver.waitFor((h) => h.type === 'payment_intent.succeeded' && h.objectId === intent.id);
  });

  it('saves a US bank account for ACH with the stripe SDK holding only the publishable key', async () => {
    const intent = await setupIntent(['us_bank_account']);
    const browserSdk = new Stripe(publishable, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    const pm = await browserSdk.paymentMethods.create({
      type: 'us_bank_account',
      us_bank_account: { routing_number: '110000000', account_number: '000123456789', account_holder_type: 'company' },
      billing_details: { name: 'Atelier LLC', email: 'ap@atelier.example' },
    });
    expect(pm).toMatchObject({ type: 'us_bank_account', us_bank_account: { last4: '6789', routing_number: '110000000' } });
    expect(pm).not.toHaveProperty('customer');
    // stripe-node types confirm() for secret keys; the client secret and infer_from_client are what a browser adds.
    const confirmed = await browserSdk.setupIntents.confirm(intent.id, {
      client_secret: intent.client_secret!,
      payment_method: pm.id,
      mandate_data: { customer_acceptance: { type: 'online', online: { infer_from_client: true } } },
    } as unknown as Stripe.SetupIntentConfirmParams);
    expect(confirmed).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(confirmed).not.toHaveProperty('mandate');
    await receiver.waitFor((h) => h.type === 'setup_intent.succeeded' && h.objectId === intent.id);
    const full = await stripe.setupIntents.retrieve(intent.id);
    const mandate = await stripe.mandates.retrieve(full.mandate as string);
    expect(mandate).toMatchObject({
      payment_method: pm.id,
      status: 'active',
      customer_acceptance: {
        type: 'online',
        online: { ip_address: expect.any(String), user_agent: expect.stringMatching(/Stripe/) },
      },
    });
    await expect(browserSdk.mandates.retrieve(mandate.id)).rejects.toMatchObject({ statusCode: 401 });
  });
});
