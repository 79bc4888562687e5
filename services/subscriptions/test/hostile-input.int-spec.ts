import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { RawRequest, serveJwks, HostileCases, NOT_A_STRING } from '@obolus/testing';
import { randomUUID } from 'node:crypto';

import { startSubscriptions } from './start-subscriptions';
import { transportAttacks } from '@obolus/testing';

describe('subscriptions refuses hostile purchases with a 4xx naming the field, and writes nothing', () => {
  let app: INestApplication;
  let url: string;
  const cases = new HostileCases('subscriptions');
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  const fr = { accountId: randomUUID(), token: '' };
  const ro = { accountId: randomUUID(), token: '' };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startSubscriptions(jwks.url));
    await cases.open();
    for (const [account, catalog, edition, currency] of [
      [fr, 'fr-crm', 'dream-team', 'EUR'],
      [ro, 'ro-crm', 'ultimate', 'RON'],
    ] as const) {
      await cases.database.query(
        `INSERT INTO subscriptions.subscriptions (id, account_id, catalog, edition, status, seats, currency, trial_ends_on, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'trialing', 1, $5, '2099-01-01', now(), now())`,
        [randomUUID(), account.accountId, catalog, edition, currency],
      );
      account.token = await issuer.customer({
        userId: randomUUID(),
        accountId: account.accountId,
        email: 'owner@atelier.fr',
        role: 'owner',
      });
    }
  });
  afterAll(async () => {
    await cases.close();
    await app?.close();
    await jwks?.close();
  });

  const refused = (request: RawRequest, status: number, field?: string) => cases.refused(url, request, status, field);
  const purchase = (account: { accountId: string; token: string }, body: unknown) => ({
    path: `/accounts/${account.accountId}/subscription/purchase`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
    body: JSON.stringify(body),
  });
  const valid = { edition: 'dream-team', term: 'annual', seats: 5, paymentMethod: 'card' };

  it.each([10_000, 1001, 0, -1, 1.5, 1e308, -0.5, '5', '1e3', null, true, [5], { n: 5 }])('refuses seats = %j', async (seats) => {
    await refused(purchase(fr, { ...valid, seats }), 400, 'seats');
  });

  it('refuses seats above the edition limit of the catalog (Solopreneur is for one user)', async () => {
    await refused(purchase(fr, { ...valid, edition: 'solopreneur', seats: 2 }), 422, 'seats');
  });

  it('refuses a purchase whose gross amount, at the highest VAT rate, is more than one payment can collect', async () => {
    await refused(purchase(ro, { edition: 'ultimate', term: 'prepaid-12', seats: 1000, paymentMethod: 'card' }), 422, 'seats');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'enterprise'])(
    'refuses the edition %j',
    async (edition) => {
      await refused(purchase(fr, { ...valid, edition }), 422, 'edition');
    },
  );

  it('refuses buying the free edition', async () => {
    await refused(purchase(ro, { edition: 'standard', term: 'prepaid-1', seats: 1, paymentMethod: 'card' }), 422, 'edition');
  });

  it.each(['x'.repeat(10_000), 'dream\u0000team', 'dream\ud800', "' OR 1=1 --x".repeat(10), ...NOT_A_STRING.map(([, v]) => v)])(
    'refuses the edition value %#',
    async (edition) => {
      await refused(purchase(fr, { ...valid, edition }), 400, 'edition');
    },
  );

  it.each(['constructor', '__proto__', 'weekly', 'valueOf', 42, null])('refuses the term %j', async (term) => {
    await refused(purchase(fr, { ...valid, term }), 400, 'term');
  });

  it('refuses a term the catalog does not sell', async () => {
    await refused(purchase(fr, { ...valid, term: 'prepaid-1' }), 422, 'term');
  });

  it.each(['constructor', '__proto__', 'bitcoin', 42, null])('refuses the payment method %j', async (paymentMethod) => {
    await refused(purchase(fr, { ...valid, paymentMethod }), 400, 'paymentMethod');
  });

  it('refuses a payment method the term does not take', async () => {
    await refused(purchase(fr, { ...valid, term: 'monthly', paymentMethod: 'paypal' }), 422, 'paymentMethod');
  });

  it.each(['edition', 'term', 'seats', 'paymentMethod'])('refuses a missing %s', async (field) => {
    const body: Record<string, unknown> = { ...valid };
    delete body[field];
    await refused(purchase(fr, body), 400, field);
  });

  it.each([
    ['status', 'active'],
    ['accountId', randomUUID()],
    ['priceMinor', 1],
  ])('refuses the unknown field %s', async (field, value) => {
    await refused(purchase(fr, { ...valid, [field]: value }), 400, field);
  });

  it.each(transportAttacks(valid))('refuses %s', async (_label, request, status) => {
    await refused(
      { ...purchase(fr, valid), ...request, headers: { ...request.headers, authorization: `Bearer ${fr.token}` } },
      status,
    );
  });

  it.each(['not-a-uuid', "1' OR '1'='1", randomUUID()])('answers 4xx for the account id %j in the path', async (id) => {
    await refused({ ...purchase(fr, valid), path: `/accounts/${encodeURIComponent(id)}/subscription/purchase` }, 404);
  });
});
