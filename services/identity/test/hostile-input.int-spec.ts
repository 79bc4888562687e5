import { INestApplication } from '@nestjs/common';
import { sendRaw, transportAttacks, HostileCases, NOT_A_STRING } from '@obolus/testing';

import { clientOf, PASSWORD, signUpAndIn, SignedUp, startIdentity, uniqueEmail } from './identity-harness';

const signUp = () => ({
  companyName: 'Atelier Dupont',
  email: uniqueEmail(),
  password: PASSWORD,
  country: 'FR',
  catalog: 'fr-crm',
  signupChannel: 'website',
});

const signUpCases: [string, string, unknown][] = [
  ...[
    'constructor',
    '__proto__',
    'toString',
    'prototype',
    'hasOwnProperty',
    'Web',
    'a b',
    'x'.repeat(65),
    '',
    'web\u0000',
    'web\r\n',
    "web'; DROP TABLE identity.accounts; --",
  ].map((value): [string, string, unknown] => ['signupChannel', JSON.stringify(value).slice(0, 40), value]),
  ...NOT_A_STRING.map(([label, value]): [string, string, unknown] => ['signupChannel', label, value]),
  ...[
    '   ',
    '\t\n',
    '',
    'Atelier\u0000Dupont',
    'Atelier\ud800',
    'Atelier\udc00Dupont',
    'Atelier\r\nBcc: x@y.fr',
    'x'.repeat(10_000),
  ].map((value): [string, string, unknown] => ['companyName', JSON.stringify(value).slice(0, 40), value]),
  ...NOT_A_STRING.map(([label, value]): [string, string, unknown] => ['companyName', label, value]),
  ...[
    '"a\r\nb"@atelier.fr',
    '"a\u0001b"@atelier.fr',
    'owner@atelier.fr\r\nBcc: victim@example.fr',
    '<owner@atelier.fr>',
    'Owner <owner@atelier.fr>',
    'owner@atelier',
    'owner\u0000@atelier.fr',
    "' OR '1'='1' --",
    `${'x'.repeat(10_000)}@atelier.fr`,
  ].map((value): [string, string, unknown] => ['email', JSON.stringify(value).slice(0, 40), value]),
  ...NOT_A_STRING.map(([label, value]): [string, string, unknown] => ['email', label, value]),
  ...['fr', 'FRA', 'F\u0000', "' OR 1=1"].map((value): [string, string, unknown] => ['country', JSON.stringify(value), value]),
  ['country', 'a number', 33],
  ['catalog', '"constructor"', 'constructor'],
  ['catalog', '"__proto__"', '__proto__'],
  ['catalog', 'an array', ['fr-crm']],
  ['locale', '"__proto__"', '__proto__'],
  ['locale', 'a number', 1],
  ['password', 'a NUL inside', 'Velvet-harbour\u00001987'],
  ['password', 'a number', 123456789012],
];

describe('identity refuses hostile input with a 4xx naming the field, and writes nothing', () => {
  let app: INestApplication;
  let url: string;
  const cases = new HostileCases('identity');
  let owner: SignedUp;

  beforeAll(async () => {
    ({ app, url } = await startIdentity());

    owner = await signUpAndIn(clientOf(url));
    await cases.open();
  });
  afterAll(async () => {
    await cases.close();
    await app?.close();
  });

  const refused = (request: Parameters<typeof sendRaw>[1], status: number, field?: string) =>
    cases.refused(url, request, status, field);
  const json = (path: string, body: unknown, token?: string, method = 'POST') => ({
    method,
    path,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

  describe('POST /accounts (sign-up)', () => {
    it.each(signUpCases)('refuses %s = %s', async (field, _label, value) => {
      await refused(json('/accounts', { ...signUp(), [field]: value }), 400, field);
    });

    it.each(['companyName', 'email', 'password', 'country', 'catalog', 'signupChannel'])(
      'refuses a missing %s',
      async (field) => {
        const body: Record<string, unknown> = signUp();
        delete body[field];
        await refused(json('/accounts', body), 400, field);
      },
    );

    it.each([
      ['isAdmin', true],
      ['role', 'owner'],
      ['accountId', '00000000-0000-4000-8000-000000000000'],
    ])('refuses the unknown field %s', async (field, value) => {
      await refused(json('/accounts', { ...signUp(), [field]: value }), 400, field);
    });

    it('refuses a NUL in a nested unknown object, naming its path', async () => {
      await refused(json('/accounts', { ...signUp(), extra: { line1: 'a\u0000b' } }), 400, 'extra.line1');
    });

    it.each(transportAttacks(signUp()))('refuses %s', async (_label, request, status) => {
      await refused({ ...request, path: '/accounts', method: 'POST' }, status);
    });
  });

  describe('POST /accounts/:accountId/invitations', () => {
    it.each([
      '"a\r\nb"@example.ro',
      '"a\u0007b"@example.ro',
      '"a\u0000b"@example.ro',
      'mihai@example.ro\r\nBcc: victim@example.fr',
      'mihai@example.ro\nRCPT TO:<victim@example.fr>',
      '<mihai@example.ro>',
      'Mihai <mihai@example.ro>',
      '"mihai popescu"@example.ro',
      'mihai@[127.0.0.1]',
      'mihai@example.ro>',
      `${'m'.repeat(10_000)}@example.ro`,
      'mihai\ud800@example.ro',
    ])('refuses the address %j', async (email) => {
      await refused(json(`/accounts/${owner.accountId}/invitations`, { email, role: 'user' }, owner.accessToken), 400, 'email');
    });

    it.each([...NOT_A_STRING, ['missing', undefined]])('refuses an address that is %s', async (_label, email) => {
      await refused(json(`/accounts/${owner.accountId}/invitations`, { email, role: 'user' }, owner.accessToken), 400, 'email');
    });

    it.each(['owner', 'constructor', '__proto__', 42])('refuses the role %j', async (role) => {
      await refused(
        json(`/accounts/${owner.accountId}/invitations`, { email: uniqueEmail(), role }, owner.accessToken),
        400,
        'role',
      );
    });

    it.each(transportAttacks({ email: 'mihai@example.ro', role: 'user' }))('refuses %s', async (_label, request, status) => {
      await refused(
        {
          ...request,
          path: `/accounts/${owner.accountId}/invitations`,
          method: 'POST',
          headers: { ...request.headers, authorization: `Bearer ${owner.accessToken}` },
        },
        status,
      );
    });

    it.each(['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000'])(
      'answers 4xx for the account id %j',
      async (id) => {
        const reply = await sendRaw(
          url,
          json(`/accounts/${encodeURIComponent(id)}/invitations`, { email: uniqueEmail(), role: 'user' }, owner.accessToken),
        );
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        cases.count += 1;
      },
    );
  });

  describe('POST /invitations/accept and PATCH /accounts/:accountId/users/:userId', () => {
    it.each(['   ', 'Mihai\u0000', 'Mihai\r\nPopescu', 'Mihai\ud800', 'x'.repeat(10_000), 42, null])(
      'refuses the name %j',
      async (name) => {
        await refused(json('/invitations/accept', { token: 'x'.repeat(43), password: PASSWORD, name }), 400, 'name');
      },
    );

    it.each(['not-a-uuid', "x'; DELETE FROM identity.users; --", '12345'])('answers 404 for the user id %j', async (id) => {
      await refused(
        json(`/accounts/${owner.accountId}/users/${encodeURIComponent(id)}`, { role: 'admin' }, owner.accessToken, 'PATCH'),
        404,
      );
    });
  });
});
