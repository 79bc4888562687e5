import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';

export interface FieldError {
  field: string;
  reason: string;
}

/** The one error shape of every Obolus HTTP API: `{ code, message, fields? }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
}

export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, fields?: FieldError[]) {
    super({ code, message, ...(fields?.length ? { fields } : {}) } satisfies ApiErrorBody, status);
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
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'code' in payload) return { status, body: payload as ApiErrorBody };
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
