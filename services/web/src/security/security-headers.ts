import { NextFunction, Request, RequestHandler, Response } from 'express';

export interface SecurityHeaderOptions {
  /** Stripe's API, which Stripe.js in the page talks to; the only origin beside our own in connect-src. */
  stripeApiUrl?: string;
  /** HTTPS-only deployments also pin the browser to HTTPS (Strict-Transport-Security). */
  secure: boolean;
}

/** The origin of a URL (`https://api.stripe.com`), as CSP source lists want it. */
function originOf(url: string): string {
  return new URL(url).origin;
}

/** The headers every answer of the edge carries: the portal's page, its assets, its API answers and its refusals. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const connect = ["'self'", ...(options.stripeApiUrl ? [originOf(options.stripeApiUrl)] : [])].join(' ');
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (options.secure) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Sets the security headers before anything else answers (an upstream's own are replaced by these). */
export function securityHeadersMiddleware(options: SecurityHeaderOptions): RequestHandler {
  const headers = Object.entries(securityHeaders(options));
  return (_request: Request, response: Response, next: NextFunction) => {
    response.removeHeader('x-powered-by');
    for (const [name, value] of headers) response.setHeader(name, value);
    next();
  };
}
