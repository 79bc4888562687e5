import { INestApplication } from '@nestjs/common';

import { serviceConnectionUrl } from '@obolus/database';
import { bootstrapService } from '@obolus/platform';
import { HostileCases, RawRequest, serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';

import { TestTokenIssuer } from '@obolus/auth';
import { paymentsConfigSpec } from '../src/payments.config';
import { transportAttacks } from '@obolus/testing';
import Stripe from 'stripe';
import { PaymentsModule } from '../src/payments.module';

const SECRET = 'whsec_hostile_input_test';
const stripe = new Stripe('sk_test_hostile');

describe('payments refuses hostile webhooks and requests with a 4xx naming the field, and records nothing', () => {
  let app: INestApplication;
  let url: string;
  const cases = new HostileCases('payments');
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  const accountId = randomUUID();
  let token = '';

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    Object.assign(process.env, {
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'payments'),
      IDENTITY_JWKS_URL: jwks.url,
      STRIPE_SECRET_KEY: 'sk_test_hostile',
      STRIPE_API_URL: 'http://127.0.0.1:9',
      STRIPE_WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'payments',
      config: paymentsConfigSpec,
      module: (config, logger) => PaymentsModule.forRoot(config, logger),
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await cases.open();
    token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@atelier.fr', role: 'owner' });
  });
  afterAll(async () => {
    await cases.close();
    await app?.close();
    await jwks?.close();
  });

  const refused = (request: RawRequest, status: number, field?: string) => cases.refused(url, request, status, field);
  const signed = (payload: string, secret = SECRET): RawRequest => ({
    path: '/webhooks/stripe',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
    body: payload,
  });
  const paymentIntentEvent = (overrides: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: 'pi_hostile',
        object: 'payment_intent',
        metadata: { account_id: accountId, payment_id: randomUUID(), ...metadata },
      },
    },
    ...overrides,
  });

  it.each(['not-a-uuid', "1' OR '1'='1", '', 'x'.repeat(10_000), '00000000-0000-0000-0000-00000000000g', 42, true, ['a']])(
    'refuses a signed event whose metadata.account_id is %j',
    async (account_id) => {
      await refused(signed(JSON.stringify(paymentIntentEvent({}, { account_id }))), 400, 'data.object.metadata.account_id');
    },
  );

  it.each(['not-a-uuid', "x'; DELETE FROM payments.payments; --"])(
    'refuses a signed event whose metadata.payment_id is %j',
    async (payment_id) => {
      await refused(signed(JSON.stringify(paymentIntentEvent({}, { payment_id }))), 400, 'data.object.metadata.payment_id');
    },
  );

  it('refuses a signed event whose account id holds a NUL', async () => {
    await refused(
      signed(JSON.stringify(paymentIntentEvent({}, { account_id: `${accountId}\u0000` }))),
      400,
      'data.object.metadata.account_id',
    );
  });

  it.each([
    ['an id with a NUL', { id: 'evt_1\u0000' }],
    ['an id with a lone surrogate', { id: 'evt_\ud800' }],
  ])('refuses a signed event with %s', async (_label, overrides) => {
    await refused(signed(JSON.stringify(paymentIntentEvent(overrides))), 400, 'id');
  });

  it.each([
    ['no id', { id: undefined }],
    ['an empty id', { id: '' }],
    ['a numeric id', { id: 42 }],
    ['an id with spaces', { id: 'evt 1' }],
    ['an id of 10,000 characters', { id: `evt_${'x'.repeat(10_000)}` }],
    ['an id with a quote', { id: "evt_1'--" }],
  ])('refuses a signed event with %s', async (_label, overrides) => {
    await refused(signed(JSON.stringify(paymentIntentEvent(overrides))), 400, 'id');
  });

  it.each([
    ['no type', { type: undefined }, 'type'],
    ['a type with CRLF', { type: 'payment_intent.succeeded\r\n' }, 'type'],
    ['an array as data.object', { data: { object: [] } }, 'data.object'],
    ['no data', { data: undefined }, 'data.object'],
  ])('refuses a signed event with %s', async (_label, overrides, field) => {
    await refused(signed(JSON.stringify(paymentIntentEvent(overrides))), 400, field);
  });

  it('refuses an event signed with another secret, or not signed', async () => {
    await refused(signed(JSON.stringify(paymentIntentEvent()), 'whsec_other'), 400);
    await refused({ ...signed(JSON.stringify(paymentIntentEvent())), headers: { 'content-type': 'application/json' } }, 400);
  });

  it.each(transportAttacks(paymentIntentEvent()))('refuses the webhook %s', async (_label, request, status) => {
    await refused({ ...request, path: '/webhooks/stripe' }, status);
  });

  it.each([
    ['bitcoin', ['bitcoin']],
    ['a string', 'card'],
    ['null inside', [null]],
    ['a prototype name', ['constructor']],
  ])('refuses a card setup with payment method types %s', async (_label, paymentMethodTypes) => {
    await refused(
      {
        path: `/accounts/${accountId}/payment-methods/setup-intents`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ paymentMethodTypes }),
      },
      400,
      'paymentMethodTypes',
    );
  });
});
