import { isPortalRoute } from '../static/static-site';
import { routeOf } from './service-routes';

const services = {
  identity: 'http://identity:4001',
  subscriptions: 'http://subscriptions:4002',
  payments: 'http://payments:4003',
  invoicing: 'https://invoicing.internal/base/',
  'efactura-gateway': 'http://efactura-gateway:4005',
  notifications: 'http://notifications:4006',
};

const target = (url: string) => {
  const route = routeOf(url, services);
  return route.kind === 'forward' ? `${route.service} ${route.target.toString()}` : route.kind;
};

describe('routeOf', () => {
  it('sends /api/<service>/<rest>?<query> to the service, keeping its base path', () => {
    expect(target('/api/subscriptions/accounts/a1/subscriptions?status=active&x=%2F')).toBe(
      'subscriptions http://subscriptions:4002/accounts/a1/subscriptions?status=active&x=%2F',
    );
    expect(target('/api/invoicing/accounts/a1/invoices/i1/pdf')).toBe(
      'invoicing https://invoicing.internal/base/accounts/a1/invoices/i1/pdf',
    );
    expect(target('/api/efactura-gateway/staff/submissions')).toBe(
      'efactura-gateway http://efactura-gateway:4005/staff/submissions',
    );
    expect(target('/api/identity')).toBe('identity http://identity:4001/');
  });

  it("leaves the edge's own routes to the edge", () => {
    for (const url of ['/api/session', '/api/session/refresh', '/api/staff/session', '/api/config'])
      expect(routeOf(url, services)).toEqual({ kind: 'edge' });
  });

  it('answers 404 for an unknown service, naming it', () => {
    expect(routeOf('/api/billing/x', services)).toEqual({
      kind: 'refused',
      status: 404,
      body: { code: 'NOT_FOUND', message: 'there is no service billing', fields: [] },
    });
    expect(routeOf('/api/constructor/x', services).kind).toBe('refused');
    expect(routeOf('/api/__proto__/x', services).kind).toBe('refused');
  });

  it('refuses internal and webhook routes, however they are spelled', () => {
    for (const url of [
      '/api/identity/internal/accounts/1/export',
      '/api/invoicing/Internal/x',
      '/api/invoicing/%69nternal/x',
      '/api/payments/webhooks/stripe',
      '/api/payments//webhooks/paypal',
    ])
      expect(routeOf(url, services).kind).toBe('refused');
  });

  it('refuses dot segments that would climb out of the path', () => {
    for (const url of ['/api/identity/../internal/x', '/api/identity/a/%2e%2e/internal', '/api/identity/a%2F..%2Finternal'])
      expect(routeOf(url, services).kind).toBe('refused');
  });
});

describe('isPortalRoute', () => {
  it('answers page addresses with the portal, never the API or the health probe', () => {
    expect(isPortalRoute('GET', '/accounts/x/invoices', 'text/html,application/xhtml+xml')).toBe(true);
    expect(isPortalRoute('GET', '/accounts/x/invoices', 'application/json')).toBe(false);
    expect(isPortalRoute('POST', '/accounts/x', 'text/html')).toBe(false);
    expect(isPortalRoute('GET', '/api/unknown', 'text/html')).toBe(false);
    expect(isPortalRoute('GET', '/health', 'text/html')).toBe(false);
  });

  it('answers a client taking anything with the portal for page addresses, not for missing files', () => {
    expect(isPortalRoute('GET', '/', '*/*')).toBe(true);
    expect(isPortalRoute('GET', '/accounts/x/invoices', undefined)).toBe(true);
    expect(isPortalRoute('GET', '/assets/missing-1a2b.js', '*/*')).toBe(false);
    expect(isPortalRoute('GET', '/api/session', '*/*')).toBe(false);
  });
});
