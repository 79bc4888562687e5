import { NextFunction, raw, Request, RequestHandler, Response } from 'express';
import { RequestError } from './api-error';
import { hasBody, parserError, RawBodyRequest } from './json-body';

/** A route whose body is not JSON (an uploaded file): its media types and its size cap. */
export interface RawBodyRoute {
  /** The path it is mounted on, e.g. `/staff/bank-statements`. */
  path: string;
  /** The media types accepted, e.g. `['application/xml', 'text/xml']`. */
  types: string[];
  /** The largest body accepted, in bytes or as body-parser reads it (`10mb`); more is 413 before any handler runs. */
  limit: string | number;
}

/**
 * Reads the body of a non-JSON route as bytes, into `request.rawBody`, before the JSON parser (which
 * then lets it pass). Another media type is 415, a compressed body is 415, a body over the limit is
 * 413: all in the one error shape, before a handler runs, so nothing is written.
 */
export function rawBody(route: RawBodyRoute): RequestHandler {
  const parse = raw({
    type: route.types,
    limit: route.limit,
    inflate: false,
    verify: (request, _response, buffer) => {
      (request as RawBodyRequest).rawBody = buffer;
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    if (!hasBody(request)) return next();
    if (!request.is(route.types)) {
      return next(
        new RequestError(
          'UNSUPPORTED_MEDIA_TYPE',
          `the request body must be ${route.types.join(' or ')}`,
          [{ field: 'content-type', reason: `must be ${route.types.join(' or ')}` }],
          'unsupported-media-type',
        ),
      );
    }
    const limit = typeof route.limit === 'number' ? `${route.limit} bytes` : route.limit;
    parse(request, response, (error?: unknown) => next(error ? parserError(error, limit) : undefined));
  };
}
