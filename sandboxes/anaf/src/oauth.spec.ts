import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startAnafSandbox, type AnafSandbox } from './index';
import { api, authorise, basic, CLIENT, REDIRECT_URI, tokenRequest, type Tokens } from './test-support/anaf-client';

describe('ANAF sandbox OAuth2 (logincert.anaf.ro)', () => {
  let sandbox: AnafSandbox;

  beforeAll(async () => {
    sandbox = await startAnafSandbox({ port: 0 });
  });

  afterAll(() => sandbox.close());

  function authorizeUrl(params: Record<string, string>): string {
    return `${sandbox.url}/anaf-oauth2/v1/authorize?${new URLSearchParams(params).toString()}`;
  }

  async function exchange(code: string, redirectUri = REDIRECT_URI): Promise<Response> {
    return tokenRequest(sandbox, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      token_content_type: 'jwt',
    });
  }

  it('runs the authorization code flow through the approve page, then refreshes with rotation', async () => {
    const page = await fetch(
      authorizeUrl({
        response_type: 'code',
        client_id: CLIENT.clientId,
        redirect_uri: REDIRECT_URI,
        token_content_type: 'jwt',
        state: 'st-42',
      }),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(requestId).toBeDefined();

    const decision = await fetch(`${sandbox.url}${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId!, cifs: '18547290', decision: 'approve' }).toString(),
      redirect: 'manual',
    });
    expect(decision.status).toBe(302);
    const callback = new URL(decision.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('st-42');
    const code = callback.searchParams.get('code')!;

    const exchanged = await exchange(code);
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as Tokens;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 90 * 86_400 });

    // RS512, issued by logincert.anaf.ro, verifiable against the published JWKS.
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('RS512');
    const jwks = (await (await fetch(`${sandbox.url}/anaf-oauth2/v1/jwks`)).json()) as Parameters<typeof createLocalJWKSet>[0];
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), { issuer: 'https://logincert.anaf.ro' });
    expect(payload).toMatchObject({ scope: expect.any(String), serial: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(payload.exp! - payload.iat!).toBe(90 * 86_400);

    // The code is single-use.
    expect(await (await exchange(code)).json()).toMatchObject({ error: 'invalid_grant' });

    const refreshed = await tokenRequest(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      token_content_type: 'jwt',
    });
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as Tokens;
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(rotated.access_token).not.toBe(tokens.access_token);

    // Rotation: the old refresh token is spent, the new one works.
    const reused = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    const again = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: rotated.refresh_token });
    expect(again.status).toBe(200);

    // The new access token opens the API.
    const listed = await api(sandbox, rotated.access_token, 'listaMesajeFactura?zile=5&cif=18547290');
    expect(listed.status).toBe(200);
  });

  it('redirects with access_denied when the holder refuses', async () => {
    const page = await (
      await fetch(authorizeUrl({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT_URI, state: 'x' }))
    ).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(page)![1];
    const decision = await fetch(`${sandbox.url}/anaf-oauth2/v1/authorize/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, decision: 'deny' }).toString(),
      redirect: 'manual',
    });
    const location = new URL(decision.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'x' });
  });

  it('refuses to redirect to an unregistered callback or for an unknown client', async () => {
    const foreign = await fetch(
      authorizeUrl({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: 'https://evil.example/cb' }),
      { redirect: 'manual' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    const unknown = await fetch(authorizeUrl({ response_type: 'code', client_id: 'nobody', redirect_uri: REDIRECT_URI }), {
      redirect: 'manual',
    });
    expect(unknown.status).toBe(400);
    const wrongType = await fetch(
      authorizeUrl({ response_type: 'token', client_id: CLIENT.clientId, redirect_uri: REDIRECT_URI }),
      {
        redirect: 'manual',
      },
    );
    expect(wrongType.status).toBe(302);
    expect(new URL(wrongType.headers.get('location')!).searchParams.get('error')).toBe('unsupported_response_type');
  });

  it("answers the token endpoint's errors as HTTP 400 with ANAF's error codes", async () => {
    const { code } = sandbox.approve({ clientId: CLIENT.clientId, redirectUri: REDIRECT_URI });
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    const cases: [Promise<Response>, string][] = [
      [tokenRequest(sandbox, form, basic(CLIENT.clientId, 'wrong-secret')), 'invalid_client'],
      [tokenRequest(sandbox, form, ''), 'invalid_client'],
      [tokenRequest(sandbox, form, basic('stranger', CLIENT.clientSecret)), 'invalid_client'],
      [tokenRequest(sandbox, { code, redirect_uri: REDIRECT_URI }), 'invalid_request'],
      [tokenRequest(sandbox, { grant_type: 'password', username: 'a' }), 'invalid_request'],
      [tokenRequest(sandbox, { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI }), 'invalid_request'],
      [tokenRequest(sandbox, { ...form, code: 'not-a-code' }), 'invalid_grant'],
      [tokenRequest(sandbox, { ...form, redirect_uri: 'http://127.0.0.1:1/other' }), 'invalid_grant'],
      [tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: 'nope' }), 'invalid_grant'],
    ];
    for (const [pending, error] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ error, error_description: expect.any(String) });
    }
    // The code was not spent by the failed attempts: the right request still works.
    expect((await tokenRequest(sandbox, form)).status).toBe(200);
  });

  it('lets a code expire after 60 s and tokens after 90 days, on the sandbox clock', async () => {
    const { code } = sandbox.approve({ clientId: CLIENT.clientId, redirectUri: REDIRECT_URI });
    sandbox.advanceClock(61_000);
    expect(await (await exchange(code)).json()).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Authorization code expired',
    });

    const tokens = await authorise(sandbox);
    expect((await api(sandbox, tokens.access_token, 'listaMesajeFactura?zile=1&cif=1')).status).toBe(200);
    sandbox.advanceClock(90 * 86_400_000 + 1000);
    const expired = await api(sandbox, tokens.access_token, 'listaMesajeFactura?zile=1&cif=1');
    expect(expired.status).toBe(403);
    // The refresh token lives 365 days: it still gets a fresh access token.
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('answers 403 without a valid Bearer token, and after the consent is revoked', async () => {
    const none = await fetch(`${sandbox.url}/test/FCTEL/rest/stareMesaj?id_incarcare=1`);
    expect(none.status).toBe(403);
    expect(await none.json()).toMatchObject({ status: 403, error: 'Forbidden' });
    expect((await api(sandbox, 'not.a.jwt', 'stareMesaj?id_incarcare=1')).status).toBe(403);

    const tokens = await authorise(sandbox);
    expect((await api(sandbox, tokens.access_token, 'listaMesajeFactura?zile=1&cif=1')).status).toBe(200);
    const revoked = await fetch(`${sandbox.url}/_sandbox/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT.clientId }),
    });
    expect(await revoked.json()).toMatchObject({ ok: true, revoked: expect.any(Number) });
    expect((await api(sandbox, tokens.access_token, 'listaMesajeFactura?zile=1&cif=1')).status).toBe(403);
    const refresh = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('approves over the control shortcut, for clients registered at runtime', async () => {
    const client = { client_id: 'tenant-app', client_secret: 's3cret', redirect_uris: ['http://127.0.0.1:9/cb'] };
    const post = (path: string, body: unknown) =>
      fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/_sandbox/oauth/clients', client)).status).toBe(200);
    const approved = (await (
      await post('/_sandbox/oauth/approve', { client_id: 'tenant-app', redirect_uri: 'http://127.0.0.1:9/cb', state: 's' })
    ).json()) as { code: string; location: string };
    expect(approved.location).toBe(`http://127.0.0.1:9/cb?code=${encodeURIComponent(approved.code)}&state=s`);
    const exchanged = await tokenRequest(
      sandbox,
      { grant_type: 'authorization_code', code: approved.code, redirect_uri: 'http://127.0.0.1:9/cb' },
      basic('tenant-app', 's3cret'),
    );
    expect(exchanged.status).toBe(200);
  });
});
