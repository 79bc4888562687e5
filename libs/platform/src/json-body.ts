import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { describeProblems } from '@obolus/contracts';
import { FieldProblem, RequestError } from './api-error';

/** A request whose JSON body was parsed, with the bytes it was parsed from. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

/** Objects and arrays nested deeper than this are refused before they are parsed. */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype if a mapper ever assigned them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const TOO_DEEP = 'entity.too.deep';

/**
 * The JSON body parser and the checks every service needs on any body, whatever its DTO says. All of
 * them answer in the one error shape before a handler runs, so nothing is written:
 * - a body that is not `application/json` is 415, and so is a compressed one (no `Content-Encoding`);
 * - malformed JSON, or JSON that is not an object, is 400 MALFORMED_JSON;
 * - a body larger than `limit` is 413;
 * - objects and arrays nested deeper than `maxDepth` are 400 BODY_TOO_DEEP;
 * - NUL characters, unpaired UTF-16 surrogates and the keys `__proto__`, `constructor` and `prototype`
 *   are 400 UNSAFE_CONTENT, naming the field, anywhere in the body.
 */
export function jsonBody(limit: string, maxDepth = MAX_JSON_DEPTH): RequestHandler {
  const parse = json({
    limit,
    inflate: false,
    // The raw bytes stay on the request: signed webhooks are verified over exactly what was sent.
    verify: (request, _response, buffer) => {
      (request as RawBodyRequest).rawBody = buffer;
      if (nestingDepthExceeds(buffer, maxDepth)) throw Object.assign(new Error('too deep'), { type: TOO_DEEP, status: 400 });
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    // A route given its own body parser (`rawBodies` of bootstrapService) has already read its body.
    if ((request as RawBodyRequest).rawBody !== undefined) return next();
    if (hasBody(request) && !request.is('application/json')) {
      return next(
        new RequestError(
          'UNSUPPORTED_MEDIA_TYPE',
          'the request body must be application/json',
          [{ field: 'content-type', reason: 'must be application/json' }],
          'unsupported-media-type',
        ),
      );
    }
    parse(request, response, (error?: unknown) => {
      if (error) return next(parserError(error, limit, maxDepth));
      const body: unknown = request.body;
      if (body === undefined) return next();
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return next(
          new RequestError('MALFORMED_JSON', 'the request body must be a JSON object', [
            { field: 'body', reason: 'must be a JSON object' },
          ]),
        );
      }
      const fields = unsafeContentOf(body);
      if (fields.length) {
        return next(new RequestError('UNSAFE_CONTENT', `invalid request: ${describeProblems(fields)}`, fields));
      }
      next();
    });
  };
}

export function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body parser's failure in the one error shape: 400, 413 or 415. */
export function parserError(error: unknown, limit: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const { type, status } = error as { type?: string; status?: number };
  if (type === 'entity.parse.failed') {
    return new RequestError('MALFORMED_JSON', 'the request body is not valid JSON', [
      { field: 'body', reason: 'is not valid JSON' },
    ]);
  }
  if (type === 'entity.too.large') {
    return new RequestError(
      'PAYLOAD_TOO_LARGE',
      `the request body is larger than ${limit}`,
      [{ field: 'body', reason: `must be at most ${limit}` }],
      'too-large',
    );
  }
  if (type === TOO_DEEP) {
    return new RequestError('BODY_TOO_DEEP', `the request body nests objects or arrays deeper than ${maxDepth}`, [
      { field: 'body', reason: `must not nest objects or arrays deeper than ${maxDepth}` },
    ]);
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new RequestError(
      'UNSUPPORTED_MEDIA_TYPE',
      String((error as Error).message),
      [{ field: type === 'encoding.unsupported' ? 'content-encoding' : 'content-type', reason: 'is not supported' }],
      'unsupported-media-type',
    );
  }
  // Any other failure to read the body (an aborted request, a wrong length) is the client's.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new RequestError('BAD_REQUEST', 'the request body could not be read', [
      { field: 'body', reason: 'could not be read' },
    ]);
  }
  return error;
}

/** Scans the bytes, outside strings, for more than `maxDepth` open objects or arrays. */
function nestingDepthExceeds(buffer: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i += 1) {
    const byte = buffer[i];
    if (inString) {
      if (byte === 0x5c) i += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
  return false;
}

/** Every string and key no field may hold, with its path (`address.line1`, `extraRecipients.0`). */
function unsafeContentOf(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const field = path || 'body';
    if (value.includes('\u0000')) return [{ field, reason: 'must not contain NUL characters' }];
    if (LONE_SURROGATE.test(value)) return [{ field, reason: 'must not contain unpaired UTF-16 surrogates' }];
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return [{ field, reason: 'is a reserved name and cannot be a field' }];
    const keyProblems = unsafeContentOf(key, field).map((problem) => ({ ...problem, reason: `name ${problem.reason}` }));
    return [...keyProblems, ...unsafeContentOf(child, field)];
  });
}
