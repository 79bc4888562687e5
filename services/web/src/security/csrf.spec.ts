import { csrfRefusal, CsrfRequest, sameToken } from './csrf';

const token = 'a'.repeat(43);
const base: CsrfRequest = {
  method: 'POST',
  path: '/api/invoicing/accounts/1/invoices',
  cookies: { obolus_session: 'jwt', obolus_csrf: token },
  csrfHeader: token,
  origin: 'https://portal.example',
  ownOrigin: 'https://portal.example',
};

describe('csrfRefusal', () => {
  it('lets a same-origin write that repeats the token through', () => {
    expect(csrfRefusal(base)).toBeUndefined();
    expect(csrfRefusal({ ...base, origin: undefined })).toBeUndefined();
  });

  it('refuses a write with the session cookie but no header, naming x-csrf-token', () => {
    expect(csrfRefusal({ ...base, csrfHeader: undefined })).toEqual({
      code: 'CSRF_REJECTED',
      message: expect.any(String),
      fields: [{ field: 'x-csrf-token', reason: 'must repeat the obolus_csrf cookie' }],
    });
  });

  it('refuses a header that does not match the cookie, and a missing cookie', () => {
    expect(csrfRefusal({ ...base, csrfHeader: 'b'.repeat(43) })?.code).toBe('CSRF_REJECTED');
    expect(csrfRefusal({ ...base, csrfHeader: token.slice(1) })?.code).toBe('CSRF_REJECTED');
    expect(csrfRefusal({ ...base, cookies: { obolus_session: 'jwt' } })?.code).toBe('CSRF_REJECTED');
  });

  it('refuses another origin even with the right token', () => {
    expect(csrfRefusal({ ...base, origin: 'https://evil.example' })?.fields?.[0].reason).toMatch(/evil\.example/);
    expect(csrfRefusal({ ...base, origin: 'http://portal.example' })?.code).toBe('CSRF_REJECTED');
    expect(csrfRefusal({ ...base, origin: 'null' })?.code).toBe('CSRF_REJECTED');
  });

  it('checks the Origin of a sign-in, which has no session yet', () => {
    const signIn = { ...base, path: '/api/session', cookies: {}, csrfHeader: undefined };
    expect(csrfRefusal(signIn)).toBeUndefined();
    expect(csrfRefusal({ ...signIn, origin: 'https://evil.example' })?.code).toBe('CSRF_REJECTED');
  });

  it('treats the refresh cookie as a session (refresh and sign-out)', () => {
    const refresh = { ...base, path: '/api/session/refresh', cookies: { obolus_refresh: 'r', obolus_csrf: token } };
    expect(csrfRefusal(refresh)).toBeUndefined();
    expect(csrfRefusal({ ...refresh, csrfHeader: undefined })?.code).toBe('CSRF_REJECTED');
  });

  it('never checks reads, nor anything outside /api', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(csrfRefusal({ ...base, method, csrfHeader: undefined })).toBeUndefined();
    expect(csrfRefusal({ ...base, path: '/accounts/1', csrfHeader: undefined })).toBeUndefined();
  });
});

describe('sameToken', () => {
  it('compares exactly, whatever the lengths', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
    expect(sameToken('', 'a')).toBe(false);
  });
});
