import { createHmac, createPublicKey, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { httpStatusOf } from '@obolus/platform';
import { AuthError } from './auth-errors';
import { JwtAccessTokenVerifier } from './jwt-access-token-verifier';
import { TestTokenIssuer } from './test-token-issuer';

const b64 = (value: object | Buffer): string =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

async function rejection(promise: Promise<unknown>): Promise<{ status: number; body: { code: string; message: string } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return { status: httpStatusOf(error), body: error.toBody() };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('JwtAccessTokenVerifier', () => {
  let issuer: TestTokenIssuer;
  let verifier: JwtAccessTokenVerifier;
  const customer = { userId: randomUUID(), accountId: randomUUID(), role: 'admin' as const, email: 'ana@example.ro' };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    verifier = new JwtAccessTokenVerifier({ jwks: issuer.jwks });
  });

  const claims = () => ({
    iss: 'obolus-identity',
    aud: 'obolus-api',
    sub: customer.userId,
    acc: customer.accountId,
    role: 'owner',
    email: customer.email,
    kind: 'customer',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
  });

  it('accepts a customer token and returns its principal', async () => {
    await expect(verifier.verify(await issuer.customer(customer))).resolves.toEqual({ kind: 'customer', ...customer });
  });

  it('accepts a staff token and returns a staff principal', async () => {
    const token = await issuer.staff({ staffId: 's1', email: 'ops@obolus.example', roles: ['support'] });
    await expect(verifier.verify(token)).resolves.toEqual({
      kind: 'staff',
      staffId: 's1',
      email: 'ops@obolus.example',
      roles: ['support'],
    });
  });

  it('refuses an expired token', async () => {
    const result = await rejection(verifier.verify(await issuer.customer(customer, -60)));
    expect(result).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'the access token has expired' } });
  });

  it('refuses alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'at+jwt', kid: issuer.kid })}.${b64(claims())}.`;
    expect((await rejection(verifier.verify(token))).status).toBe(401);
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const jwk = issuer.jwks.keys[0]!;
    const publicPem = createPublicKey({ key: jwk as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    for (const secret of [publicPem, JSON.stringify(jwk), String(jwk.x)]) {
      const signingInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: issuer.kid })}.${b64(claims())}`;
      const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
      const result = await rejection(verifier.verify(token));
      expect(result.body).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'the access token is signed with an algorithm that is not accepted',
      });
    }
  });

  it('refuses a token signed by another key (forged), even with the right kid', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'EdDSA', kid: issuer.kid, typ: 'at+jwt' })
      .sign(privateKey);
    expect((await rejection(verifier.verify(token))).body.message).toBe('the access token signature is invalid');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await issuer.customer(customer)).split('.');
    const token = `${header}.${b64({ ...claims(), role: 'owner' })}.${signature}`;
    expect((await rejection(verifier.verify(token))).status).toBe(401);
  });

  it('refuses the wrong issuer, audience, type, and a token not yet valid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const own = new JwtAccessTokenVerifier({ jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] } });
    const sign = (payload: object, typ = 'at+jwt') =>
      new SignJWT({ ...claims(), ...payload }).setProtectedHeader({ alg: 'EdDSA', kid: 'k', typ }).sign(privateKey);
    await expect(own.verify(await sign({}))).resolves.toMatchObject({ kind: 'customer', role: 'owner' });
    for (const token of [
      await sign({ iss: 'someone-else' }),
      await sign({ aud: 'another-api' }),
      await sign({}, 'JWT'),
      await sign({ nbf: Math.floor(Date.now() / 1000) + 3600 }),
      await sign({ aud: 'obolus-console' }), // a customer token with the console audience
      await sign({ kind: 'staff' }), // a staff kind with the customer audience
      await sign({ role: 'superuser' }),
      await sign({ acc: undefined }),
    ]) {
      expect((await rejection(own.verify(token))).status).toBe(401);
    }
  });

  it('refuses garbage', async () => {
    for (const token of ['', 'abc', 'a.b.c', `${b64({ alg: 'EdDSA' })}.e30.`, 'x'.repeat(10_000)]) {
      expect((await rejection(verifier.verify(token))).body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 503 when the key set cannot be fetched', async () => {
    const offline = new JwtAccessTokenVerifier({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json' });
    const result = await rejection(offline.verify(await issuer.customer(customer)));
    expect(result).toEqual({
      status: 503,
      body: { code: 'AUTH_UNAVAILABLE', message: 'access tokens cannot be verified right now' },
    });
  });
});
