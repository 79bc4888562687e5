import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox } from './index';
import { startWebhookReceiver } from './test-support/webhook-receiver';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe('Stripe sandbox, driven by the stripe SDK', () => {
  let sandbox: StripeSandbox;
  let receiver: Receiver;
  let stripe: Stripe;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startStripeSandbox({ port: 0, webhookUrls: [receiver.url], asyncDelayMs: 50, webhookRetryBaseMs: 20 });
    stripe = new Stripe('sk_test_obolus', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  async function customer(email = `billing+${Date.now()}@example.ro`): Promise<Stripe.Response<Stripe.Customer>> {
    return stripe.customers.create({ email, name: 'Exemplu SRL', metadata: { account_id: 'acc_1' } });
  }

  it('creates, retrieves, updates and lists customers by email, and announces the new customer', async () => {
    const created = await customer('ana@example.ro');
    expect(created).toMatchObject({
      object: 'customer',
      email: 'ana@example.ro',
      livemode: false,
      metadata: { account_id: 'acc_1' },
    });
    expect(created.id).toMatch(/^cus_[0-9A-Za-z]{24}$/);
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    const updated = await stripe.customers.update(created.id, {
      name: 'Exemplu Nou SRL',
      metadata: { account_id: '', vat: 'RO123' },
    });
    expect(updated.name).toBe('Exemplu Nou SRL');
    expect(updated.metadata).toEqual({ vat: 'RO123' });
    expect((await stripe.customers.retrieve(created.id)) as Stripe.Customer).toMatchObject({
      id: created.id,
      name: 'Exemplu Nou SRL',
    });

    const listed = await stripe.customers.list({ email: 'ana@example.ro' });
    expect(listed).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(listed.data.map((c) => c.id)).toEqual([created.id]);

    const hook = await receiver.waitFor((h) => h.type === 'customer.created' && h.objectId === created.id);
    expect(stripe.webhooks.constructEvent(hook.rawBody, hook.signature, 'whsec_obolus_sandbox').type).toBe('customer.created');
  });

  it('answers 401 without a test secret key and 404 resource_missing for unknown ids', async () => {
    const stranger = new Stripe('sk_live_nope', {
      host: '127.0.0.1',
      port: sandbox.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(stranger.customers.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_missing'",
    });
  });

  it('rejects unknown parameters as Stripe does', async () => {
    await expect(stripe.customers.create({ emial: 'x@example.ro' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'emial',
    });
  });

  it('confirms a SetupIntent with pm_card_visa and attaches the new PaymentMethod to the customer', async () => {
    const cus = await customer();
    const created = await stripe.setupIntents.create({
      customer: cus.id,
      allowed_payment_method_types: ['card'],
      usage: 'off_session',
    });
    expect(created).toMatchObject({ object: 'setup_intent', status: 'requires_payment_method', usage: 'off_session' });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));

    const confirmed = await stripe.setupIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    const pmId = confirmed.payment_method as string;
    expect(pmId).toMatch(/^pm_[0-9A-Za-z]{24}$/);

    const pm = await stripe.paymentMethods.retrieve(pmId);
    expect(pm).toMatchObject({ customer: cus.id, type: 'card', card: { brand: 'visa', last4: '4242' } });
    const methods = await stripe.customers.listPaymentMethods(cus.id, { type: 'card' });
    expect(methods.data.map((m) => m.id)).toEqual([pmId]);
    await receiver.waitFor((h) => h.type === 'setup_intent.succeeded' && h.objectId === created.id);
  });

  it('asks for 3D Secure on pm_card_authenticationRequired until the customer completes it', async () => {
    const cus = await customer();
    const si = await stripe.setupIntents.create({
      customer: cus.id,
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(si.status).toBe('requires_action');
    expect(si.next_action?.type).toBe('use_stripe_sdk');

    const res = await fetch(`${sandbox.url}/_sandbox/setup_intents/${si.id}/authenticate`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await stripe.setupIntents.retrieve(si.id)).status).toBe('succeeded');
    expect((await stripe.paymentMethods.retrieve(si.payment_method as string)).customer).toBe(cus.id);
  });

  it('attaches and detaches card and SEPA PaymentMethods', async () => {
    const cus = await customer();
    const card = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_mastercard' } });
    expect(card.card?.brand).toBe('mastercard');
    await stripe.paymentMethods.attach(card.id, { customer: cus.id });
    const sepa = await stripe.paymentMethods.create({
      type: 'sepa_debit',
      sepa_debit: { iban: 'DE89370400440532013000' },
      billing_details: { name: 'Ana Pop', email: 'ana@example.ro' },
    });
    expect(sepa.sepa_debit).toMatchObject({ country: 'DE', last4: '3000' });
    await stripe.paymentMethods.attach(sepa.id, { customer: cus.id });
    expect((await stripe.paymentMethods.list({ customer: cus.id })).data).toHaveLength(2);

    await stripe.paymentMethods.detach(card.id);
    expect((await stripe.customers.listPaymentMethods(cus.id)).data.map((m) => m.id)).toEqual([sepa.id]);

    await expect(stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: cus.id })).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'card_declined',
    });
  });

  it('charges off-session and delivers a payment_intent.succeeded webhook signed as Stripe signs', async () => {
    const cus = await customer();
    const pi = await stripe.paymentIntents.create({
      amount: 11900,
      currency: 'ron',
      customer: cus.id,
      payment_method: 'pm_card_visa',
      off_session: true,
      confirm: true,
      description: 'Obolus Pro, November 2026',
      metadata: { draft_id: 'd_1' },
      expand: ['latest_charge'],
    });
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 11900,
      amount_received: 11900,
      currency: 'ron',
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', paid: true, amount: 11900, payment_intent: pi.id });
    expect(charge.id).toMatch(/^ch_/);

    const hook = await receiver.waitFor((h) => h.type === 'payment_intent.succeeded' && h.objectId === pi.id);
    expect(hook.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = stripe.webhooks.constructEvent(hook.rawBody, hook.signature, 'whsec_obolus_sandbox');
    expect(event).toMatchObject({
      object: 'event',
      type: 'payment_intent.succeeded',
      livemode: false,
      api_version: Stripe.API_VERSION,
    });
    expect(event.id).toMatch(/^evt_/);
    expect((event.data.object as Stripe.PaymentIntent).metadata).toEqual({ draft_id: 'd_1' });
    expect(event.request).toEqual({ id: pi.lastResponse.requestId, idempotency_key: pi.lastResponse.idempotencyKey });

    expect(() =>
      stripe.webhooks.constructEvent(hook.rawBody.replace('11900', '11901'), hook.signature, 'whsec_obolus_sandbox'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(hook.rawBody, hook.signature, 'whsec_someone_else')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const fetched = await stripe.events.retrieve(event.id);
    expect(fetched.data.object).toEqual(event.data.object);
    const listed = await stripe.events.list({ type: 'payment_intent.succeeded', limit: 100 });
    expect(listed.data.map((e) => e.id)).toContain(event.id);
  });

  it('declines pm_card_chargeDeclined off-session with a 402 card_error and a payment_failed webhook', async () => {
    const cus = await customer();
    const error = await stripe.paymentIntents
      .create({
        amount: 5000,
        currency: 'eur',
        customer: cus.id,
        payment_method: 'pm_card_chargeDeclined',
        off_session: true,
        confirm: true,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    const cardError = error as Stripe.errors.StripeCardError;
    expect(cardError).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    const pi = (cardError.raw as { payment_intent: Stripe.PaymentIntent }).payment_intent;
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });

    const retrieved = await stripe.paymentIntents.retrieve(pi.id);
    expect(retrieved.status).toBe('requires_payment_method');
    expect(retrieved.last_payment_error?.charge).toBe(retrieved.latest_charge);
    const hook = await receiver.waitFor((h) => h.type === 'payment_intent.payment_failed' && h.objectId === pi.id);
    const event = stripe.webhooks.constructEvent(hook.rawBody, hook.signature, 'whsec_obolus_sandbox');
    expect((event.data.object as Stripe.PaymentIntent).last_payment_error?.code).toBe('card_declined');
  });

  it('reports insufficient funds and off-session authentication as Stripe does', async () => {
    const cus = await customer();
    const charge = (payment_method: string) =>
      stripe.paymentIntents.create({
        amount: 5000,
        currency: 'eur',
        customer: cus.id,
        payment_method,
        off_session: true,
        confirm: true,
      });
    await expect(charge('pm_card_chargeDeclinedInsufficientFunds')).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    await expect(charge('pm_card_authenticationRequired')).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'authentication_required',
      decline_code: 'authentication_required',
    });
  });

  it('completes an on-session 3D Secure payment once the customer authenticates', async () => {
    const cus = await customer();
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      customer: cus.id,
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    await fetch(`${sandbox.url}/_sandbox/payment_intents/${pi.id}/authenticate`, { method: 'POST' });
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });

  it('creates nothing when a confirmation fails its checks', async () => {
    const cus = await customer();
    const sepa = await stripe.paymentMethods.create({
      type: 'sepa_debit',
      sepa_debit: { iban: 'DE89370400440532013000' },
      billing_details: { name: 'Ana Pop', email: 'ana@example.ro' },
    });
    await expect(
      stripe.paymentIntents.create({ amount: 5000, currency: 'ron', customer: cus.id, payment_method: sepa.id, confirm: true }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'payment_method' });
    expect((await stripe.paymentIntents.list({ customer: cus.id })).data).toEqual([]);
  });

  it('replays an idempotent request and refuses the same key with other parameters', async () => {
    const cus = await customer();
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 2500,
      currency: 'eur',
      customer: cus.id,
      payment_method: 'pm_card_visa',
      off_session: true,
      confirm: true,
    };
    const key = `obolus-draft-${cus.id}`;
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: key });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again).toEqual(first);
    expect((await stripe.paymentIntents.list({ customer: cus.id })).data).toHaveLength(1);

    await expect(stripe.paymentIntents.create({ ...params, amount: 2600 }, { idempotencyKey: key })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });
  });

  it('replays a stored decline too', async () => {
    const cus = await customer();
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 2500,
      currency: 'eur',
      customer: cus.id,
      payment_method: 'pm_card_chargeDeclined',
      off_session: true,
      confirm: true,
    };
    const declinedIntent = (): Promise<string | undefined> =>
      stripe.paymentIntents.create(params, { idempotencyKey: `k-${cus.id}` }).then(
        () => undefined,
        (e: Stripe.errors.StripeCardError) => (e.raw as { payment_intent?: { id: string } }).payment_intent?.id,
      );
    const first = await declinedIntent();
    expect(first).toMatch(/^pi_/);
    expect(await declinedIntent()).toBe(first);
    expect((await stripe.paymentIntents.list({ customer: cus.id })).data).toHaveLength(1);
  });

  it('refunds part, then the rest, then refuses a third refund', async () => {
    const cus = await customer();
    const pi = await stripe.paymentIntents.create({
      amount: 10000,
      currency: 'eur',
      customer: cus.id,
      payment_method: 'pm_card_visa',
      off_session: true,
      confirm: true,
    });
    const part = await stripe.refunds.create({ payment_intent: pi.id, amount: 3000, reason: 'requested_by_customer' });
    expect(part).toMatchObject({
      object: 'refund',
      amount: 3000,
      status: 'succeeded',
      payment_intent: pi.id,
      charge: pi.latest_charge,
      currency: 'eur',
    });
    expect(part.id).toMatch(/^re_/);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 8000 })).rejects.toMatchObject({
      statusCode: 400,
      param: 'amount',
    });

    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(7000);
    expect(await stripe.refunds.retrieve(part.id)).toMatchObject({ id: part.id, amount: 3000 });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ code: 'charge_already_refunded' });

    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 10000, refunded: true });
    await receiver.waitFor((h) => h.type === 'refund.created' && h.objectId === rest.id);
    const refunded = await receiver.waitFor(
      (h) => h.type === 'charge.refunded' && h.rawBody.includes('"amount_refunded": 10000'),
    );
    expect(refunded.objectId).toBe(charge.id);
  });

  it('debits SEPA asynchronously: processing, then succeeded or failed by the test IBAN', async () => {
    const cus = await customer();
    const debit = async (iban: string) => {
      const pm = await stripe.paymentMethods.create({
        type: 'sepa_debit',
        sepa_debit: { iban },
        billing_details: { name: 'Ana Pop', email: 'ana@example.ro' },
      });
      await stripe.paymentMethods.attach(pm.id, { customer: cus.id });
      return stripe.paymentIntents.create({
        amount: 4900,
        currency: 'eur',
        customer: cus.id,
        payment_method: pm.id,
        confirm: true,
        mandate_data: { customer_acceptance: { type: 'online', online: { ip_address: '203.0.113.7', user_agent: 'jest' } } },
      });
    };
    const good = await debit('DE89370400440532013000');
    expect(good.status).toBe('processing');
    await receiver.waitFor((h) => h.type === 'payment_intent.succeeded' && h.objectId === good.id);
    expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('succeeded');

    const bad = await debit('DE62370400440532013001');
    expect(bad.status).toBe('processing');
    await receiver.waitFor((h) => h.type === 'payment_intent.payment_failed' && h.objectId === bad.id);
    const failed = await stripe.paymentIntents.retrieve(bad.id);
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_payment_error?.code).toBe('insufficient_funds');
  });

  it('answers with Stripe-Version and Request-Id headers and form-encoded expand[] in the query', async () => {
    const cus = await customer();
    const res = await fetch(`${sandbox.url}/v1/customers/${cus.id}?expand[]=invoice_settings.default_payment_method`, {
      headers: { Authorization: 'Bearer sk_test_obolus', 'Stripe-Version': '2026-10-28.endive' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('stripe-version')).toBe('2026-10-28.endive');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const unauthenticated = await fetch(`${sandbox.url}/v1/customers`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  describe('bank debits on test clocks', () => {
    const acceptance = {
      customer_acceptance: { type: 'online' as const, online: { ip_address: '203.0.113.7', user_agent: 'jest' } },
    };
    /** Monday 4 October 2027, 09:00 UTC. */
    const MONDAY = Date.UTC(2027, 9, 4, 9) / 1000;
    const DAY = 86_400;

    async function onClock(email: string) {
      const clock = await stripe.testHelpers.testClocks.create({ frozen_time: MONDAY, name: email });
      const cus = await stripe.customers.create({ email, test_clock: clock.id });
      return { clock, cus };
    }

    async function advance(clockId: string, frozenTime: number): Promise<void> {
      const moving = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
      expect(moving.status).toBe('advancing');
      for (let i = 0; i < 100; i++) {
        if ((await stripe.testHelpers.testClocks.retrieve(clockId)).status === 'ready') return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('the test clock never got ready');
    }

    async function setUp(cusId: string, data: Stripe.PaymentMethodCreateParams) {
      const pm = await stripe.paymentMethods.create(data);
      const si = await stripe.setupIntents.create({
        customer: cusId,
        allowed_payment_method_types: [data.type!],
        usage: 'off_session',
      } as Stripe.SetupIntentCreateParams);
      return stripe.setupIntents.confirm(si.id, { payment_method: pm.id, mandate_data: acceptance });
    }

    it('creates a test clock, puts customers on it, and refuses to move it back', async () => {
      const { clock, cus } = await onClock('clock@example.de');
      expect(clock).toMatchObject({ object: 'test_helpers.test_clock', frozen_time: MONDAY, status: 'ready', livemode: false });
      expect(clock.id).toMatch(/^clock_/);
      expect(cus).toMatchObject({ test_clock: clock.id, created: MONDAY });
      await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: MONDAY - 1 })).rejects.toMatchObject({
        statusCode: 400,
        param: 'frozen_time',
      });
      await expect(stripe.customers.create({ test_clock: 'clock_missing' })).rejects.toMatchObject({
        statusCode: 400,
        code: 'resource_missing',
        param: 'test_clock',
      });
    });

    it('a SEPA SetupIntent collects the mandate; without mandate_data it is refused and nothing is set up', async () => {
      const { cus } = await onClock('mandate@example.de');
      const pm = await stripe.paymentMethods.create({
        type: 'sepa_debit',
        sepa_debit: { iban: 'DE89370400440532013000' },
        billing_details: { name: 'Anna Schmidt', email: 'anna@example.de' },
      });
      const si = await stripe.setupIntents.create({
        customer: cus.id,
        allowed_payment_method_types: ['sepa_debit'],
      } as Stripe.SetupIntentCreateParams);
      await expect(stripe.setupIntents.confirm(si.id, { payment_method: pm.id })).rejects.toMatchObject({
        statusCode: 400,
        param: 'mandate_data',
      });
      expect((await stripe.setupIntents.retrieve(si.id)).status).toBe('requires_confirmation');
      const done = await stripe.setupIntents.confirm(si.id, { payment_method: pm.id, mandate_data: acceptance });
      expect(done.status).toBe('succeeded');
      const mandate = await stripe.mandates.retrieve(done.mandate as string);
      expect(mandate).toMatchObject({
        status: 'active',
        type: 'multi_use',
        payment_method: pm.id,
        customer_acceptance: { type: 'online', accepted_at: MONDAY, online: { ip_address: '203.0.113.7' } },
        payment_method_details: { type: 'sepa_debit', sepa_debit: { reference: expect.any(String) } },
      });
      // An off-session debit without a mandate of its own uses the one given at set-up.
      const pi = await stripe.paymentIntents.create({
        amount: 4900,
        currency: 'eur',
        customer: cus.id,
        payment_method: pm.id,
        allowed_payment_method_types: ['sepa_debit'],
        off_session: true,
        confirm: true,
      });
      expect(pi).toMatchObject({ status: 'processing', mandate: mandate.id });
    });

    it('a SEPA debit stays processing until its customer’s clock passes 3 business days, then succeeds or fails by the test IBAN', async () => {
      const { clock, cus } = await onClock('sepa-clock@example.de');
      const debit = async (iban: string) => {
        const si = await setUp(cus.id, {
          type: 'sepa_debit',
          sepa_debit: { iban },
          billing_details: { name: 'Anna Schmidt', email: 'anna@example.de' },
        });
        return stripe.paymentIntents.create({
          amount: 4900,
          currency: 'eur',
          customer: cus.id,
          payment_method: si.payment_method as string,
          allowed_payment_method_types: ['sepa_debit'],
          off_session: true,
          confirm: true,
          mandate: si.mandate as string,
        });
      };
      const good = await debit('DE89370400440532013000');
      const bad = await debit('DE62370400440532013001');
      expect([good.status, bad.status]).toEqual(['processing', 'processing']);
      expect(good.created).toBe(MONDAY);
      // Real time passes (asyncDelayMs is 50 ms here), the clock's does not: still processing.
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('processing');
      // Wednesday: two business days.
      await advance(clock.id, MONDAY + 2 * DAY);
      expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('processing');
      // Thursday: the third business day.
      await advance(clock.id, MONDAY + 3 * DAY);
      expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('succeeded');
      const failed = await stripe.paymentIntents.retrieve(bad.id);
      expect(failed).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'insufficient_funds' } });
      await receiver.waitFor((h) => h.type === 'payment_intent.succeeded' && h.objectId === good.id);
      await receiver.waitFor((h) => h.type === 'payment_intent.payment_failed' && h.objectId === bad.id);
      await receiver.waitFor((h) => h.type === 'test_helpers.test_clock.ready' && h.objectId === clock.id);
    });

    it('an ACH debit (us_bank_account) takes 4 business days over a weekend; 000111111113 fails account_closed; USD only', async () => {
      const { clock, cus } = await onClock('ach-clock@example.com');
      const debit = async (accountNumber: string, currency = 'usd') => {
        const si = await setUp(cus.id, {
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: accountNumber, account_holder_type: 'company' },
          billing_details: { name: 'Acme Inc.' },
        });
        expect(si.status).toBe('succeeded');
        return stripe.paymentIntents.create({
          amount: 5000,
          currency,
          customer: cus.id,
          payment_method: si.payment_method as string,
          allowed_payment_method_types: ['us_bank_account'],
          off_session: true,
          confirm: true,
        });
      };
      // Thursday: the debits start; 4 business days skip the weekend (Friday, Monday to Wednesday).
      await advance(clock.id, MONDAY + 3 * DAY);
      await expect(debit('000123456789', 'eur')).rejects.toMatchObject({ statusCode: 400 });
      const good = await debit('000123456789');
      const bad = await debit('000111111113');
      expect(good.status).toBe('processing');
      const pm = await stripe.paymentMethods.retrieve(good.payment_method as string);
      expect(pm.us_bank_account).toMatchObject({ routing_number: '110000000', last4: '6789', account_holder_type: 'company' });
      await advance(clock.id, MONDAY + 8 * DAY);
      expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('processing');
      await advance(clock.id, MONDAY + 9 * DAY);
      expect((await stripe.paymentIntents.retrieve(good.id)).status).toBe('succeeded');
      expect((await stripe.paymentIntents.retrieve(bad.id)).last_payment_error).toMatchObject({ code: 'account_closed' });
      await expect(
        stripe.paymentMethods.create({
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: '999', account_holder_type: 'individual' },
          billing_details: { name: 'Acme Inc.' },
        }),
      ).rejects.toMatchObject({ statusCode: 400, code: 'account_number_invalid' });
    });
  });
});
