import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('locks the page to its own origin, allowing Stripe only for connections', () => {
    const headers = securityHeaders({ stripeApiUrl: 'https://api.stripe.com/v1', secure: true });
    expect(headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' https://api.stripe.com; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'permissions-policy': 'camera=(), microphone=(), geolocation=()',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('connects to its own origin only without Stripe, and sends no HSTS on plain http', () => {
    const headers = securityHeaders({ secure: false });
    expect(headers['content-security-policy']).toContain("connect-src 'self';");
    expect(headers['strict-transport-security']).toBeUndefined();
  });
});
