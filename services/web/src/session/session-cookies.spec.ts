import { clearedSessionCookies, newCsrfToken, parseCookies, serializeCookie, sessionCookies } from './session-cookies';

const tokens = { accessToken: 'eyJ.a.b', expiresIn: 900, refreshToken: 'r3fr3sh', refreshExpiresIn: 2_592_000 };

describe('session cookies', () => {
  it('keeps both tokens HttpOnly, the refresh one Strict and on the session path only, the CSRF one readable', () => {
    const [session, refresh, csrf] = sessionCookies(tokens, 'c5rf', true).map(serializeCookie);
    expect(session).toBe('obolus_session=eyJ.a.b; Path=/api; Max-Age=900; HttpOnly; Secure; SameSite=Lax');
    expect(refresh).toBe('obolus_refresh=r3fr3sh; Path=/api/session; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict');
    expect(csrf).toBe('obolus_csrf=c5rf; Path=/; Max-Age=2592000; Secure; SameSite=Lax');
  });

  it('leaves Secure out on plain http', () => {
    for (const cookie of sessionCookies(tokens, 'c', false).map(serializeCookie)) expect(cookie).not.toContain('Secure');
  });

  it('clears all three on the same paths', () => {
    const cleared = clearedSessionCookies(true).map(serializeCookie);
    expect(cleared).toEqual([
      expect.stringMatching(/^obolus_session=; Path=\/api; Max-Age=0; Expires=Thu, 01 Jan 1970/),
      expect.stringMatching(/^obolus_refresh=; Path=\/api\/session; Max-Age=0; Expires=/),
      expect.stringMatching(/^obolus_csrf=; Path=\/; Max-Age=0; Expires=/),
    ]);
  });

  it('makes a fresh 32-byte base64url token each time', () => {
    const a = newCsrfToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCsrfToken()).not.toBe(a);
  });

  it('reads a Cookie header, first value winning, and own properties only', () => {
    const cookies = parseCookies('obolus_csrf=a%2Bb; obolus_session=x; obolus_csrf=later; junk; =v');
    expect(cookies.obolus_csrf).toBe('a+b');
    expect(cookies.obolus_session).toBe('x');
    expect('constructor' in parseCookies('a=b')).toBe(false);
    expect(parseCookies(undefined)).toEqual({});
  });
});
