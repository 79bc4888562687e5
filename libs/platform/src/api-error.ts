import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, ErrorBody, ErrorKind, FieldProblem } from '@obolus/contracts';
import { Response } from 'express';

export { DomainError };
export type { ErrorBody, ErrorKind, FieldProblem };

const statusOfKind: Record<ErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  throttled: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The HTTP status a refusal of this kind answers with. */
export function httpStatusOf(error: DomainError): HttpStatus {
  return statusOfKind[error.kind];
}

export type RequestErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNSAFE_CONTENT'
  | 'BODY_TOO_DEEP'
  | 'BAD_REQUEST';

/** A request refused at the edge, before any use case runs: its body, its media type, its fields. */
export class RequestError extends DomainError<RequestErrorCode> {
  constructor(code: RequestErrorCode, message: string, fields: FieldProblem[] = [], kind: ErrorKind = 'invalid') {
    super(code, message, fields, kind);
  }
}

const statusCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/** Turns every error, ours, Nest's or the body parser's, into the one error shape. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined)
      response.setHeader('retry-after', String(exception.retryAfterSeconds));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) return { status: httpStatusOf(exception), body: exception.toBody() };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'code' in payload) return { status, body: payload as ErrorBody };
      const message = typeof payload === 'string' ? payload : ((payload as { message?: unknown }).message ?? exception.message);
      return {
        status,
        body: { code: statusCodes[status] ?? 'ERROR', message: Array.isArray(message) ? message.join('; ') : String(message) },
      };
    }
    // A client error from Express or its middleware (http-errors marks those it may show).
    const { status, expose } = (exception ?? {}) as { status?: unknown; expose?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
      return { status, body: { code: statusCodes[status] ?? 'BAD_REQUEST', message: 'the request was refused' } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'an unexpected error occurred' } };
  }
}
