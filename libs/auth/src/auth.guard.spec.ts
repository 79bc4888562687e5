import { Controller, Get, INestApplication, Injectable, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiExceptionFilter } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AuthModule } from './auth.module';
import { CurrentPrincipal, Public, Roles, StaffMayRead, StaffOnly, TenantAccountId } from './decorators';
import { Principal, StaffPrincipal } from './principal';
import { TenantContext } from './tenant-context';
import { RevocationList } from './revocation-list';
import { TestTokenIssuer } from './test-token-issuer';

@Injectable()
class WhoAmI {
  constructor(private readonly tenant: TenantContext) {}
  async accountId(): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.tenant.accountId();
  }
}

@Controller()
class ProbeController {
  constructor(private readonly whoAmI: WhoAmI) {}

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('owner', 'admin')
  @Get('accounts/:accountId/settings')
  settings(@TenantAccountId() accountId: string, @Param('accountId') raw: string) {
    return { accountId, raw };
  }

  @StaffMayRead()
  @Roles('owner')
  @Get('accounts/:accountId/invoices')
  invoices(@TenantAccountId() accountId: string) {
    return { accountId };
  }

  @StaffMayRead()
  @Post('accounts/:accountId/invoices')
  createInvoice(@TenantAccountId() accountId: string) {
    return { accountId };
  }

  @Get('tenant')
  async tenant() {
    return { accountId: await this.whoAmI.accountId() };
  }

  @StaffOnly()
  @Get('console')
  console(@CurrentPrincipal() staff: StaffPrincipal) {
    return staff;
  }

  @StaffOnly('catalog')
  @Get('console/catalog')
  catalog() {
    return { ok: true };
  }
}

describe('AuthModule guard', () => {
  let app: INestApplication;
  let base: string;
  let issuer: TestTokenIssuer;
  const accountA = randomUUID();
  const accountB = randomUUID();
  const owner = { userId: randomUUID(), accountId: accountA, role: 'owner' as const, email: 'owner@a.example' };
  const user = { userId: randomUUID(), accountId: accountA, role: 'user' as const, email: 'user@a.example' };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwks: issuer.jwks })],
      controllers: [ProbeController],
      providers: [WhoAmI],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('lets public routes through without a token', async () => {
    expect(await get('/open')).toEqual({ status: 200, body: { open: true } });
  });

  it('needs a token everywhere else, with a clear 401', async () => {
    expect(await get('/me')).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'an access token is required: Authorization: Bearer <token>' },
    });
    const basic = await fetch(`${base}/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('gives the handler the principal', async () => {
    expect(await get('/me', await issuer.customer(owner))).toEqual({ status: 200, body: { kind: 'customer', ...owner } });
  });

  it('checks roles', async () => {
    expect((await get(`/accounts/${accountA}/settings`, await issuer.customer(owner))).status).toBe(200);
    expect(await get(`/accounts/${accountA}/settings`, await issuer.customer(user))).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'this action needs the role owner or admin' },
    });
  });

  it("answers 404 when account A's token is used on account B", async () => {
    expect(await get(`/accounts/${accountB}/settings`, await issuer.customer(owner))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'no such resource' },
    });
  });

  it('carries the tenant into code the handler awaits', async () => {
    expect(await get('/tenant', await issuer.customer(user))).toEqual({ status: 200, body: { accountId: accountA } });
  });

  const call = async (method: string, path: string, token: string) =>
    (await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}` } })).status;

  it('lets staff GET any account on a @StaffMayRead() route, never write there, and nowhere else', async () => {
    const staff = await issuer.staff({ staffId: 's1', email: 'ops@obolus.example', roles: ['support'] });
    const read = await fetch(`${base}/accounts/${accountB}/invoices`, { headers: { authorization: `Bearer ${staff}` } });
    expect({ status: read.status, body: await read.json() }).toEqual({ status: 200, body: { accountId: accountB } });
    expect(await call('POST', `/accounts/${accountB}/invoices`, staff)).toBe(403);
    expect(await call('GET', `/accounts/${accountB}/settings`, staff)).toBe(403);
  });

  it('leaves customers as they were: their own account, their roles', async () => {
    const ownerToken = await issuer.customer(owner);
    const userToken = await issuer.customer(user);
    expect(await call('GET', `/accounts/${accountA}/invoices`, ownerToken)).toBe(200);
    expect(await call('GET', `/accounts/${accountB}/invoices`, ownerToken)).toBe(404);
    expect(await call('GET', `/accounts/${accountA}/invoices`, userToken)).toBe(403);
    expect(await call('POST', `/accounts/${accountA}/invoices`, ownerToken)).toBe(201);
  });

  it('keeps staff and customers apart', async () => {
    const staff = await issuer.staff({ staffId: 's1', email: 'ops@obolus.example', roles: ['support'] });
    expect((await get('/console', staff)).status).toBe(200);
    expect((await get('/console', await issuer.customer(owner))).status).toBe(403);
    expect((await get('/me', staff)).status).toBe(403);
    expect((await get(`/accounts/${accountA}/settings`, staff)).status).toBe(403);
    expect((await get('/console/catalog', staff)).status).toBe(403);
    const catalogStaff = await issuer.staff({ staffId: 's2', email: 'cat@obolus.example', roles: ['catalog'] });
    expect((await get('/console/catalog', catalogStaff)).status).toBe(200);
  });
});

describe('AuthModule guard with revocations', () => {
  let app: INestApplication;
  let base: string;
  let issuer: TestTokenIssuer;
  const revocations = new RevocationList({ retainMs: 15 * 60_000 });
  const user = {
    userId: randomUUID(),
    accountId: randomUUID(),
    role: 'user' as const,
    email: 'user@a.example',
    sessionId: randomUUID(),
  };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwks: issuer.jwks, revocations })],
      controllers: [ProbeController],
      providers: [WhoAmI],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const status = async (path: string, token?: string) =>
    (await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;

  it('answers 503 until the revocations are read, then 401 for a revoked session', async () => {
    const token = await issuer.customer(user);
    expect(await status('/me', token)).toBe(503);
    expect(await status('/open')).toBe(200);
    revocations.markCaughtUp();
    expect(await status('/me', token)).toBe(200);
    revocations.revokeSession(user.sessionId, new Date());
    expect(await status('/me', token)).toBe(401);
    expect(await status('/me', await issuer.customer({ ...user, sessionId: randomUUID() }))).toBe(200);
  });
});
