import { ErrorBody } from '@obolus/platform';
import { PROXIED_SERVICES, ProxiedService } from '../web.config';

export type ProxyRoute =
  /** Not a service path: one of the edge's own routes (session, config) handles it. */
  | { kind: 'edge' }
  | { kind: 'forward'; service: ProxiedService; target: URL }
  | { kind: 'refused'; status: 404; body: ErrorBody };

/** The edge's own routes under /api, which are not services. */
const EDGE_ROUTES = new Set(['session', 'staff', 'config']);

/** Paths no browser may reach through the edge: service-to-service routes, and providers' webhooks. */
const CLOSED_PREFIXES = ['internal', 'webhooks'];

const notFound = (message: string): ProxyRoute => ({
  kind: 'refused',
  status: 404,
  body: { code: 'NOT_FOUND', message, fields: [] },
});

function isProxiedService(name: string): name is ProxiedService {
  return Object.prototype.hasOwnProperty.call(PROXIED_SERVICES, name);
}

/**
 * Where a request under /api goes: `/api/<service>/<rest>?<query>` to `<service url>/<rest>?<query>`.
 * `url` is the request's path and query as received (`/api/invoicing/accounts/1/invoices?page=2`).
 */
export function routeOf(url: string, services: Record<ProxiedService, string>): ProxyRoute {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : url.slice(queryAt);
  const match = /^\/api\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return notFound('no such route');
  const [, name, rest = '/'] = match;
  if (EDGE_ROUTES.has(name)) return { kind: 'edge' };
  if (!isProxiedService(name)) return notFound(`there is no service ${name.slice(0, 60)}`);
  // Dot segments, encoded or not, would let a path climb out of the service's own prefix.
  const segments = rest.split('/').filter(Boolean);
  const decoded = segments.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  if (decoded.some((segment) => segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\'))) {
    return notFound('no such route');
  }
  if (decoded.length && CLOSED_PREFIXES.includes(decoded[0].toLowerCase())) return notFound('no such route');
  const base = new URL(services[name]);
  const target = new URL(base.toString());
  target.pathname = `${base.pathname.replace(/\/$/, '')}/${segments.join('/')}${rest.endsWith('/') && segments.length ? '/' : ''}`;
  target.search = query;
  return { kind: 'forward', service: name, target };
}
