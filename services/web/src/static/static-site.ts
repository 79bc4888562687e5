import express, { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { join } from 'node:path';

/**
 * Whether a request is for one of the portal's pages, answered with index.html: a GET outside the API and
 * the health probe, from a browser asking for HTML, or from a client taking anything (`curl`) for an
 * address without a file extension. A missing `/assets/x.js` stays a 404, never a page.
 */
export function isPortalRoute(method: string, path: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/')) return false;
  const wanted = accept ?? '*/*';
  if (wanted.includes('text/html')) return true;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return wanted.includes('*/*') && !lastSegment.includes('.');
}

/**
 * The bundled portal: `assets/*` (content-hashed names) cached for a year, everything else revalidated,
 * and any page address (`/accounts/…/invoices`) answered with index.html so a reload lands on the portal.
 */
export function staticSite(publicDir: string): RequestHandler {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(publicDir, 'assets'), {
      index: false,
      fallthrough: true,
      setHeaders: (response) => response.setHeader('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  router.use(
    express.static(publicDir, {
      index: false,
      fallthrough: true,
      setHeaders: (response) => response.setHeader('cache-control', 'no-cache'),
    }),
  );
  router.use((request: Request, response: Response, next: NextFunction) => {
    if (!isPortalRoute(request.method, request.path, request.headers.accept)) return next();
    response.setHeader('cache-control', 'no-store');
    response.sendFile(join(publicDir, 'index.html'), { headers: { 'content-type': 'text/html; charset=utf-8' } }, (error) => {
      if (error && !response.headersSent) next();
    });
  });
  return router;
}
