import { NextFunction, Request, RequestHandler, Response } from 'express';
import { schemeOf } from '../proxy/proxy';
import { parseCookies } from '../session/session-cookies';
import { CSRF_HEADER, csrfRefusal } from './csrf';

/** Refuses a cross-site write under /api with 403 before anything is forwarded or signed in. */
export function csrfMiddleware(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers[CSRF_HEADER];
    const refusal = csrfRefusal({
      method: request.method,
      path: request.originalUrl.split('?')[0],
      cookies: parseCookies(request.headers.cookie),
      csrfHeader: Array.isArray(header) ? header[0] : header,
      origin: request.headers.origin,
      ownOrigin: `${schemeOf(request)}://${request.headers.host ?? ''}`,
    });
    if (!refusal) return next();
    response.setHeader('connection', 'close');
    response.status(403).json(refusal);
  };
}
