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
import { STATEMENT_UPLOAD } from '../src/bank-transfers/statement-upload';
import { buildCamt053, newPaymentReference } from '@obolus/bank-statements';

const SECRET = 'whsec_hostile_input_test';
const stripe = new Stripe('sk_test_hostile');

describe('payments refuses hostile webhooks and requests with a 4xx naming the field, and records nothing', () => {
  let app: INestApplication;
  let url: string;
  const cases = new HostileCases('payments');
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  const accountId = randomUUID();
  let token = '';
  let staffToken = '';
  /** The owner of another account. */
  let otherToken = '';
  /** A payment awaiting a bank transfer of 1,188.00 EUR, for the staff transfer route. */
  const awaitingPaymentId = randomUUID();
  const awaitingReference = newPaymentReference(`HOST${randomUUID().slice(0, 8)}`);
  /** A card payment, which no transfer can pay. */
  const cardPaymentId = randomUUID();

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
      rawBodies: [STATEMENT_UPLOAD],
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await cases.open();
    token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@atelier.fr', role: 'owner' });
    staffToken = await issuer.staff({ staffId: randomUUID(), email: 'ana@obolus.example', roles: ['support'] });
    otherToken = await issuer.customer({ userId: randomUUID(), accountId: randomUUID(), email: 'owner@other.fr', role: 'owner' });
    await cases.database.query(
      `INSERT INTO payments.payments (id, account_id, draft_id, amount_minor, currency, payment_method, status, provider,
                                      transfer_reference, created_at, updated_at)
       VALUES ($1, $2, $3, 118800, 'EUR', 'bank_transfer', 'processing', 'bank', $4, now(), now())`,
      [awaitingPaymentId, accountId, randomUUID(), awaitingReference],
    );
    await cases.database.query(
      `INSERT INTO payments.payments (id, account_id, draft_id, amount_minor, currency, payment_method, status, provider,
                                      created_at, updated_at)
       VALUES ($1, $2, $3, 118800, 'EUR', 'card', 'processing', 'stripe', now(), now())`,
      [cardPaymentId, accountId, randomUUID()],
    );
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

  describe('camt.053 upload (POST /staff/bank-statements)', () => {
    const upload = (
      body: string | Buffer,
      contentType = 'application/xml',
      reason = 'Statement from the bank portal',
    ): RawRequest => ({
      path: `/staff/bank-statements?reason=${encodeURIComponent(reason)}`,
      headers: { 'content-type': contentType, authorization: `Bearer ${staffToken}` },
      body,
    });
    const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol3;</BkToCstmrStmt></Document>`;
    const external = `<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>`;
    const valid = () =>
      buildCamt053({
        statementId: `HOSTILE-${randomUUID()}`,
        entries: [{ entryReference: 'E1', amount: '1188.00', reference: awaitingReference }],
      });

    it.each([
      ['malformed XML', valid().slice(0, 400), 422, 'CAMT_XML_MALFORMED'],
      ['an XML bomb (entity expansion)', billionLaughs, 422, 'CAMT_DOCTYPE_REFUSED'],
      ['an external entity', external, 422, 'CAMT_DOCTYPE_REFUSED'],
      ['a wrong namespace (camt.052)', valid().replace('camt.053.001.02', 'camt.052.001.02'), 415, 'CAMT_UNSUPPORTED_MESSAGE'],
      ['camt.053.001.09, not read', valid().replace('camt.053.001.02', 'camt.053.001.09'), 415, 'CAMT_UNSUPPORTED_MESSAGE'],
      ['no namespace', valid().replace(/ xmlns="[^"]+"/, ''), 415, 'CAMT_UNSUPPORTED_MESSAGE'],
      ['a pain.001 document', valid().replace(/BkToCstmrStmt/g, 'CstmrCdtTrfInitn'), 422, 'CAMT_UNSUPPORTED_MESSAGE'],
      ['a body that is not XML', 'this is not a statement', 422, 'CAMT_XML_MALFORMED'],
      ['JSON sent as XML', JSON.stringify({ statement: 'x' }), 422, 'CAMT_XML_MALFORMED'],
      ['nesting 10,000 deep', `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`, 422, 'CAMT_XML_MALFORMED'],
      ['an amount with a comma', valid().replace(/1188\.00/g, '1188,00'), 422, 'CAMT_FIELD_INVALID'],
      ['a negative amount', valid().replace(/1188\.00/g, '-1188.00'), 422, 'CAMT_FIELD_INVALID'],
      ['an unknown currency', valid().replace(/EUR/g, 'XYZ'), 422, 'CAMT_FIELD_INVALID'],
      [
        'bytes invalid in UTF-8',
        Buffer.concat([Buffer.from(valid().slice(0, 300)), Buffer.from([0xc3, 0x28])]),
        422,
        'CAMT_XML_MALFORMED',
      ],
    ])('refuses %s', async (_label, body, status, code) => {
      const reply = await refused(upload(body), status);
      expect(reply.body.code).toBe(code);
    });

    it('refuses a 50 MB file with 413 before reading it', async () => {
      const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
      valid()
        .split('')
        .forEach((char, i) => (body[i] = char.charCodeAt(0)));
      const reply = await refused(upload(body), 413, 'body');
      expect(reply.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it.each([
      ['application/json', 415],
      ['text/plain', 415],
      ['multipart/form-data; boundary=x', 415],
    ])('refuses a statement sent as %s', async (contentType, status) => {
      await refused(upload(valid(), contentType), status, 'content-type');
    });

    it('refuses a statement uploaded without a reason of 3 to 500 characters, writing nothing', async () => {
      await refused({ ...upload(valid()), path: '/staff/bank-statements' }, 400, 'reason');
      await refused(upload(valid(), 'application/xml', 'ok'), 400, 'reason');
      await refused(upload(valid(), 'application/xml', 'x'.repeat(501)), 400, 'reason');
    });

    it('refuses a compressed statement and an empty one', async () => {
      await refused(
        { ...upload(valid()), headers: { ...upload(valid()).headers, 'content-encoding': 'gzip' } },
        415,
        'content-encoding',
      );
      await refused(upload(''), 400, 'body');
    });

    it('refuses a customer token and no token, before reading the file', async () => {
      await refused(
        { ...upload(valid()), headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` } },
        403,
      );
      await refused({ ...upload(valid()), headers: { 'content-type': 'application/xml' } }, 401);
    });
  });

  describe('a transfer recorded by staff (POST /staff/accounts/:id/payments/:id/transfers)', () => {
    const transfer = (body: Record<string, unknown>, idempotencyKey: string | null = randomUUID()): RawRequest => ({
      path: `/staff/accounts/${accountId}/payments/${awaitingPaymentId}/transfers`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${staffToken}`,
        ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
      },
      body: JSON.stringify({
        amountMinor: 118800,
        currency: 'EUR',
        receivedOn: '2026-11-26',
        reason: 'seen on the bank portal',
        ...body,
      }),
    });

    it.each([
      ['a zero amount', { amountMinor: 0 }],
      ['a negative amount', { amountMinor: -118800 }],
      ['a fractional amount', { amountMinor: 1188.5 }],
      ['an amount as a string', { amountMinor: '118800' }],
      ['an amount past the largest charge', { amountMinor: 1e15 }],
      ['an amount of 2^53', { amountMinor: 9007199254740992 }],
    ])('refuses %s', async (_label, body) => {
      await refused(transfer(body), 400, 'amountMinor');
    });

    it.each([
      ['lower case', { currency: 'eur' }],
      ['not ISO 4217', { currency: 'XYZ' }],
      ['four letters', { currency: 'EURO' }],
      ['a number', { currency: 978 }],
    ])('refuses a currency in %s', async (_label, body) => {
      await refused(transfer(body), 400, 'currency');
    });

    it('refuses a currency other than the payment asked, writing nothing', async () => {
      const reply = await refused(transfer({ currency: 'RON' }), 422, 'currency');
      expect(reply.body.code).toBe('TRANSFER_CURRENCY_MISMATCH');
    });

    it.each([
      ['bad check digits', { reference: 'RF19539007547034' }, 400],
      ['not an RF reference', { reference: 'INV-2026-001' }, 400],
      ['a quote', { reference: "RF18' OR 1=1" }, 400],
      ['the reference of another payment', { reference: 'RF18539007547034' }, 422],
    ])('refuses a reference with %s', async (_label, body, status) => {
      await refused(transfer(body), status, 'reference');
    });

    it.each([
      ['an impossible date', { receivedOn: '2026-02-30' }],
      ['a date-time', { receivedOn: '2026-11-26T10:00:00Z' }],
      ['no date', { receivedOn: undefined }],
    ])('refuses %s', async (_label, body) => {
      await refused(transfer(body), 400, 'receivedOn');
    });

    it.each([
      ['no reason', { reason: undefined }],
      ['an empty reason', { reason: '' }],
      ['a reason of 2 characters', { reason: 'ok' }],
      ['a reason with a line break', { reason: 'a\nb' }],
      ['a reason of 501 characters', { reason: 'x'.repeat(501) }],
    ])('refuses %s', async (_label, body) => {
      await refused(transfer(body), 400, 'reason');
    });

    it('refuses a request without an Idempotency-Key, and a payment of another kind or absent', async () => {
      await refused(transfer({}, null), 400, 'Idempotency-Key');
      await refused(
        { ...transfer({}), path: `/staff/accounts/${accountId}/payments/${cardPaymentId}/transfers` },
        409,
        'paymentId',
      );
      await refused(
        { ...transfer({}), path: `/staff/accounts/${accountId}/payments/${randomUUID()}/transfers` },
        404,
        'paymentId',
      );
      await refused({ ...transfer({}), path: `/staff/accounts/${accountId}/payments/not-a-uuid/transfers` }, 400, 'paymentId');
    });

    it('refuses a customer token', async () => {
      await refused({ ...transfer({}), headers: { ...transfer({}).headers, authorization: `Bearer ${token}` } }, 403);
    });
  });

  describe("staff read an account through the owner's routes (@StaffMayRead), and never write there", () => {
    const call = (method: string, path: string, bearer: string) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });

    it("lets a staff token list the account's payments, as its owner sees them", async () => {
      const asStaff = await call('GET', `/accounts/${accountId}/payments`, staffToken);
      expect(asStaff.status).toBe(200);
      const listed = ((await asStaff.json()) as { id: string }[]).map((payment) => payment.id).sort();
      expect(listed).toEqual([awaitingPaymentId, cardPaymentId].sort());
      const asOwner = await call('GET', `/accounts/${accountId}/payments`, token);
      expect(((await asOwner.json()) as { id: string }[]).map((payment) => payment.id).sort()).toEqual(listed);
    });

    it('refuses a staff POST on a customer route (403), and answers 404 to the owner of another account', async () => {
      const write = await call('POST', `/accounts/${accountId}/payment-methods/setup-intents`, staffToken);
      expect(write.status).toBe(403);
      expect(((await write.json()) as { message: string }).message).toContain('console routes only');
      expect((await call('GET', `/accounts/${accountId}/payments`, otherToken)).status).toBe(404);
    });
  });
});
