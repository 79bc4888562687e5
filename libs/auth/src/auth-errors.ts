import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Errors in the one Obolus error shape, `{ code, message }`. Raised as HttpException with a `code`
 * so the platform's exception filter passes them through unchanged.
 */
export class AuthError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'AUTH_UNAVAILABLE',
    message: string,
  ) {
    super({ code, message }, status);
  }
}

export const unauthenticated = (message: string): AuthError => new AuthError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
export const forbidden = (message: string): AuthError => new AuthError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
export const notFound = (message = 'no such resource'): AuthError => new AuthError(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
