import { timingSafeEqual } from 'node:crypto';
import { ErrorBody } from '@obolus/platform';
import { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, SESSION_COOKIE } from '../session/session-cookies';

/** What the CSRF check reads of a request. */
export interface CsrfRequest {
  method: string;
  /** The path under the edge, e.g. `/api/invoicing/accounts/…`. */
  path: string;
  cookies: Record<string, string>;
  /** The `x-csrf-token` header, if any. */
  csrfHeader?: string;
  /** The `Origin` header, if any. */
  origin?: string;
  /** The edge's own origin as the browser sees it (`https://portal.example`). */
  ownOrigin: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refusal(reason: string, message = 'the request was refused as a possible cross-site request'): ErrorBody {
  return { code: 'CSRF_REJECTED', message, fields: [{ field: 'x-csrf-token', reason }] };
}

/** Constant-time equality of two strings (different lengths are unequal without comparing contents). */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit cookie with an Origin check. A write under /api that carries the session (or refresh)
 * cookie must repeat the readable `obolus_csrf` cookie in `x-csrf-token`, and its Origin, when the
 * browser sent one, must be the edge's own. A sign-in, which has no session (nor token) yet, is held to
 * the Origin check: a cross-site form must not sign the browser in.
 * Returns the refusal, or undefined when the request may go on.
 */
export function csrfRefusal(request: CsrfRequest): ErrorBody | undefined {
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method) || !request.path.startsWith('/api/')) return undefined;
  if (request.origin !== undefined && request.origin !== request.ownOrigin) {
    return refusal(`Origin ${request.origin.slice(0, 100)} is not this site's`);
  }
  const carriesSession = SESSION_COOKIE in request.cookies || REFRESH_COOKIE in request.cookies;
  if (!carriesSession) return undefined;
  const expected = request.cookies[CSRF_COOKIE];
  if (!expected) return refusal(`the ${CSRF_COOKIE} cookie is missing; sign in again`);
  if (!request.csrfHeader) return refusal(`must repeat the ${CSRF_COOKIE} cookie`);
  if (!sameToken(request.csrfHeader, expected)) return refusal(`does not match the ${CSRF_COOKIE} cookie`);
  return undefined;
}

export { CSRF_HEADER };
