import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@obolus/platform';

/** The one answer to a wrong e-mail or a wrong password: it must not tell which. */
export const invalidCredentials = (): ApiError =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'the e-mail address or the password is wrong');

export const invalidRefreshToken = (): ApiError =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_REFRESH_TOKEN', 'the refresh token is invalid, expired or already used');

export const invalidToken = (what: 'reset' | 'invitation'): ApiError =>
  new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_TOKEN', `the ${what} token is invalid, expired or already used`, [
    { field: 'token', reason: 'is invalid, expired or already used' },
  ]);

export const accountClosed = (): ApiError => new ApiError(HttpStatus.FORBIDDEN, 'ACCOUNT_CLOSED', 'this account is closed');

/** Too many failures: 429 with the seconds to wait, which the filter also sends as Retry-After. */
export class ThrottledError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', `too many failed attempts; try again in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
