import { NextFunction, Request, RequestHandler, Response } from 'express';
import { request as httpRequest, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Logger } from 'pino';
import { ErrorBody } from '@obolus/platform';
import { parseCookies, SESSION_COOKIE } from '../session/session-cookies';
import { ProxiedService } from '../web.config';
import { routeOf } from './service-routes';

/** Uploads (a camt.053 bank statement, a supplier invoice) are streamed through up to this size. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Request headers a browser's call keeps on its way to a service; cookies never go upstream. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'content-length',
  'idempotency-key',
  'if-none-match',
  'if-modified-since',
  'range',
  'traceparent',
  'tracestate',
  'user-agent',
  'x-request-id',
];

/** Response headers a service's answer does not keep: hop-by-hop ones, cookies, and the edge's own security headers. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'x-powered-by',
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
]);

/** The scheme the browser used: the ingress's X-Forwarded-Proto, else this socket's. */
export function schemeOf(request: Request): string {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (first === 'http' || first === 'https') return first;
  return (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}

/** The headers sent upstream for a browser's request. */
export function upstreamHeaders(headers: IncomingHttpHeaders, client: { ip: string; scheme: string }): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  if (!out.authorization) {
    const session = parseCookies(headers.cookie)[SESSION_COOKIE];
    if (session) out.authorization = `Bearer ${session}`;
  }
  const earlier = headers['x-forwarded-for'];
  out['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client.ip}` : client.ip;
  out['x-forwarded-proto'] = client.scheme;
  if (headers.host) out['x-forwarded-host'] = headers.host;
  return out;
}

function answer(response: Response, status: number, body: ErrorBody): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.status(status).json(body);
}

const unavailable = (service: ProxiedService): ErrorBody => ({
  code: 'UPSTREAM_UNAVAILABLE',
  message: `${service} did not answer`,
  fields: [],
});

const tooLarge: ErrorBody = {
  code: 'PAYLOAD_TOO_LARGE',
  message: `the request body is larger than ${MAX_UPLOAD_BYTES} bytes`,
  fields: [{ field: 'body', reason: `must be at most ${MAX_UPLOAD_BYTES} bytes` }],
};

/**
 * `/api/<service>/<rest>` to the service, streamed both ways: no body is read into memory, so a 50 MB
 * upload or a ZIP download passes as it comes. The session cookie becomes the bearer token.
 */
export function serviceProxy(services: Record<ProxiedService, string>, logger: Logger): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const route = routeOf(request.originalUrl, services);
    if (route.kind === 'edge') return next();
    if (route.kind === 'refused') return answer(response, route.status, route.body);
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) {
      response.setHeader('connection', 'close');
      return answer(response, 413, tooLarge);
    }
    const { service, target } = route;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, {
      method: request.method,
      headers: upstreamHeaders(request.headers, { ip: request.socket.remoteAddress ?? '', scheme: schemeOf(request) }),
    });
    let failed = false;
    upstream.on('response', (reply) => {
      response.status(reply.statusCode ?? 502);
      for (const [name, value] of Object.entries(reply.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) response.setHeader(name, value);
      }
      reply.on('error', () => response.destroy());
      reply.pipe(response);
    });
    upstream.on('error', (error) => {
      if (failed) return;
      failed = true;
      logger.warn({ service, error: error.message, path: target.pathname }, 'upstream did not answer');
      answer(response, 502, unavailable(service));
    });
    // A browser that goes away (a page left while its requests ran) takes its upstream request with it.
    response.on('close', () => {
      if (response.writableFinished) return;
      failed = true;
      upstream.destroy();
    });
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES && !failed) {
        failed = true;
        request.unpipe(upstream);
        upstream.destroy();
        response.setHeader('connection', 'close');
        answer(response, 413, tooLarge);
      }
    });
    request.pipe(upstream);
  };
}
