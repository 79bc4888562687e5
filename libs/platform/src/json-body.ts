import { HttpStatus } from '@nestjs/common';
import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';

/** A request whose JSON body was parsed, with the bytes it was parsed from. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

/**
 * The JSON body parser, with its failures turned into the one error shape before Nest sees them:
 * malformed JSON is 400 MALFORMED_JSON, an oversized body is 413 PAYLOAD_TOO_LARGE.
 */
export function jsonBody(limit: string): RequestHandler {
  // The raw bytes stay on the request: signed webhooks are verified over exactly what was sent.
  const parse = json({ limit, verify: (request, _response, buffer) => void ((request as RawBodyRequest).rawBody = buffer) });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.parse.failed') {
        return next(new ApiError(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'the request body is not valid JSON'));
      }
      if (type === 'entity.too.large') {
        return next(new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${limit}`));
      }
      if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        return next(new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', String((error as Error).message)));
      }
      return next(error);
    });
}
