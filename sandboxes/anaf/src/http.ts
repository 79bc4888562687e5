import type { IncomingMessage } from 'node:http';
import { anafTimestamp } from './romanian-time';

/** What a route answers; the server writes it. */
export interface Reply {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface RequestBody {
  bytes: Buffer;
  /** The body was longer than the limit; `bytes` holds only its start. */
  truncated: boolean;
  size: number;
}

/**
 * Reads a body up to `limit` bytes and drains the rest, so that a route can answer an oversized upload
 * with ANAF's own message instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < limit) chunks.push(chunk.subarray(0, Math.max(0, limit - size)));
      size += chunk.length;
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), truncated: size > limit, size }));
    req.on('error', reject);
  });
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, contentType: 'application/json', body: JSON.stringify(body), headers };
}

export function xml(body: string, status = 200): Reply {
  return { status, contentType: 'application/xml', body };
}

export function html(body: string, status = 200): Reply {
  return { status, contentType: 'text/html; charset=utf-8', body };
}

export function redirect(location: string): Reply {
  return { status: 302, contentType: 'text/plain', body: '', headers: { Location: location } };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** ANAF's API answers transport-level errors in Spring Boot's shape, with a Romanian-time timestamp. */
export function springError(status: number, message: string, now: number, path?: string): Reply {
  return json(
    { timestamp: anafTimestamp(now), status, error: REASONS[status] ?? 'Error', message, ...(path ? { path } : {}) },
    status,
  );
}

/** Escapes text for an XML attribute or element. */
const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => XML_ENTITIES[c]);
}
