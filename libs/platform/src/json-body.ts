import { HttpStatus } from '@nestjs/common';
import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';

/**
 * The JSON body parser, with its failures turned into the one error shape before Nest sees them:
 * malformed JSON is 400 MALFORMED_JSON, an oversized body is 413 PAYLOAD_TOO_LARGE.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit });
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
