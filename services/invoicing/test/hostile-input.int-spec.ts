import { INestApplication } from '@nestjs/common';

import { serviceConnectionUrl } from '@obolus/database';
import { bootstrapService } from '@obolus/platform';
import { RawRequest, serveJwks, HostileCases, NOT_A_STRING } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';

import { TestTokenIssuer } from '@obolus/auth';
import { transportAttacks } from '@obolus/testing';
import { startViesSandbox, ViesSandbox } from '@obolus/vat';
import { invoicingConfigSpec } from '../src/invoicing.config';
import { InvoicingModule } from '../src/invoicing.module';

describe('invoicing refuses hostile billing details with a 4xx naming the field, and writes nothing', () => {
  let app: INestApplication;
  let url: string;
  const cases = new HostileCases('invoicing');
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let vies: ViesSandbox;
  const accountId = randomUUID();
  let token = '';

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    // A request that gets through to VIES reaches the sandbox, never the real service.
    vies = await startViesSandbox();
    Object.assign(process.env, {
      VIES_URL: vies.url,
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'invoicing'),
      IDENTITY_JWKS_URL: jwks.url,
      INTERNAL_API_KEYS: `notifications:${'s'.repeat(40)}`,
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'invoicing',
      config: invoicingConfigSpec,
      module: (config, logger) => InvoicingModule.forRoot(config, logger),
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await cases.open();
    token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@atelier.fr', role: 'owner' });
  });
  afterAll(async () => {
    await cases.close();
    await app?.close();
    await jwks?.close();
    await vies?.close();
  });

  const refused = (request: RawRequest, status: number, field?: string) => cases.refused(url, request, status, field);
  const put = (body: unknown, account: string = accountId) => ({
    method: 'PUT',
    path: `/accounts/${account}/billing-details`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const valid = () => ({
    legalName: 'Firma Popescu SRL',
    buyerType: 'business',
    vatNumber: 'RO14040242',
    address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
    extraRecipients: ['finance@popescu.ro'],
  });

  it.each([
    'finance@popescu.ro\r\nBcc: victim@example.fr',
    'finance@popescu.ro\n',
    '<finance@popescu.ro>',
    'Finance <finance@popescu.ro>',
    '"finance team"@popescu.ro',
    '"a\r\nb"@popescu.ro',
    '"a\u0001b"@popescu.ro',
    'finance@popescu',
    `${'f'.repeat(10_000)}@popescu.ro`,
    '',
  ])('refuses the extra recipient %j', async (email) => {
    await refused(put({ ...valid(), extraRecipients: ['ok@popescu.ro', email] }), 400, 'extraRecipients');
  });

  it.each([
    ['a string', 'finance@popescu.ro'],
    ['eleven addresses', Array.from({ length: 11 }, (_, i) => `f${i}@popescu.ro`)],
    ['a number inside', [42]],
    ['null inside', [null]],
    ['an object', { a: 'finance@popescu.ro' }],
  ])('refuses extra recipients that are %s', async (_label, extraRecipients) => {
    await refused(put({ ...valid(), extraRecipients }), 400, 'extraRecipients');
  });

  it.each([
    '   ',
    '',
    '\t',
    'Firma\u0000SRL',
    'Firma\r\nSRL',
    'Firma\ud800',
    'x'.repeat(10_000),
    ...NOT_A_STRING.map(([, v]) => v),
  ])('refuses the legal name %#', async (legalName) => {
    await refused(put({ ...valid(), legalName }), 400, 'legalName');
  });

  it.each([
    ['missing', undefined],
    ['an array', [{ line1: 'Strada Lipscani 10', city: 'SECTOR3', country: 'RO' }]],
    ['null', null],
    ['a string', 'Strada Lipscani 10'],
    ['a number', 10],
  ])('refuses an address that is %s', async (_label, address) => {
    await refused(put({ ...valid(), address }), 400, 'address');
  });

  it.each([
    ['line1', 'Strada\u0000Lipscani'],
    ['line1', '   '],
    ['line1', 'Strada\r\nLipscani'],
    ['line1', 'x'.repeat(10_000)],
    ['line1', 42],
    ['city', '\u0000'],
    ['city', null],
    ['country', 'ro'],
    ['country', 'ROU'],
    ['countrySubdivision', 'B'],
  ])('refuses address.%s = %j', async (field, value) => {
    await refused(put({ ...valid(), address: { ...valid().address, [field]: value } }), 400, `address.${field}`);
  });

  it.each([
    ['buyerType', 'constructor'],
    ['buyerType', 'government'],
    ['vatNumber', 'ro14040242'],
    ['vatNumber', "RO1' OR '1'='1"],
    ['vatNumber', 'RO14040243'],
    ['vatNumber', 'DE12345678'],
    ['companyId', '\u0000'],
    ['tradeRegisterNumber', 'J40\r\n'],
    ['isPaid', true],
    ['accountId', randomUUID()],
  ])('refuses %s = %j', async (field, value) => {
    await refused(put({ ...valid(), [field]: value }), 400, field);
  });

  it('refuses a prototype key inside the address', async () => {
    await refused(
      { ...put(valid()), body: JSON.stringify(valid()).replace('"line1"', '"__proto__":{"x":1},"line1"') },
      400,
      'address.__proto__',
    );
  });

  it.each(transportAttacks(valid()))('refuses %s', async (_label, request, status) => {
    await refused({ ...put(valid()), ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } }, status);
  });

  it.each(['not-a-uuid', "1' OR '1'='1"])('answers 4xx for the account id %j in the path', async (id) => {
    await refused(put(valid(), encodeURIComponent(id)), 404);
  });
});
