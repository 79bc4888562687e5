import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  InvalidToken = 'INVALID_TOKEN',
  AccountClosed = 'ACCOUNT_CLOSED',
  AlreadyClosed = 'ALREADY_CLOSED',
  WrongPassword = 'WRONG_PASSWORD',
  EmailTaken = 'EMAIL_TAKEN',
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  LastOwner = 'LAST_OWNER',
  SeatLimitReached = 'SEAT_LIMIT_REACHED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Starting = 'STARTING',
}

const kinds: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.InvalidCredentials]: 'unauthenticated',
  [IdentityErrorCode.InvalidRefreshToken]: 'unauthenticated',
  [IdentityErrorCode.InvalidToken]: 'invalid',
  [IdentityErrorCode.AccountClosed]: 'forbidden',
  [IdentityErrorCode.AlreadyClosed]: 'conflict',
  [IdentityErrorCode.WrongPassword]: 'forbidden',
  [IdentityErrorCode.EmailTaken]: 'conflict',
  [IdentityErrorCode.NotFound]: 'not-found',
  [IdentityErrorCode.Forbidden]: 'forbidden',
  [IdentityErrorCode.LastOwner]: 'conflict',
  [IdentityErrorCode.SeatLimitReached]: 'conflict',
  [IdentityErrorCode.TooManyRequests]: 'throttled',
  [IdentityErrorCode.Starting]: 'unavailable',
};

/**
 * Every refusal of identity, one code each. Add a code to the enum and the kinds, and a factory below;
 * keep messages and fields as the API documents them.
 */
export class IdentityError extends DomainError<IdentityErrorCode> {
  private constructor(code: IdentityErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  /** The one answer to a wrong e-mail or a wrong password: it must not tell which. */
  static invalidCredentials(): IdentityError {
    return new IdentityError(IdentityErrorCode.InvalidCredentials, 'the e-mail address or the password is wrong');
  }

  static invalidRefreshToken(): IdentityError {
    return new IdentityError(IdentityErrorCode.InvalidRefreshToken, 'the refresh token is invalid, expired or already used');
  }

  static invalidToken(what: 'reset' | 'invitation' | 'download'): IdentityError {
    return new IdentityError(IdentityErrorCode.InvalidToken, `the ${what} token is invalid, expired or already used`, [
      { field: 'token', reason: 'is invalid, expired or already used' },
    ]);
  }

  static accountClosed(): IdentityError {
    return new IdentityError(IdentityErrorCode.AccountClosed, 'this account is closed');
  }

  static alreadyClosed(message: string): IdentityError {
    return new IdentityError(IdentityErrorCode.AlreadyClosed, message);
  }

  /** A wrong current password on a change that asks for it (`field` names the request field). */
  static wrongPassword(message: string, field: string): IdentityError {
    return new IdentityError(IdentityErrorCode.WrongPassword, message, [{ field, reason: 'is wrong' }]);
  }

  static emailTaken(message: string): IdentityError {
    return new IdentityError(IdentityErrorCode.EmailTaken, message, [{ field: 'email', reason: 'is already registered' }]);
  }

  static notFound(message = 'no such resource'): IdentityError {
    return new IdentityError(IdentityErrorCode.NotFound, message);
  }

  static forbidden(message: string): IdentityError {
    return new IdentityError(IdentityErrorCode.Forbidden, message);
  }

  static lastOwner(): IdentityError {
    return new IdentityError(
      IdentityErrorCode.LastOwner,
      'the only owner of the account cannot be removed or demoted; make another user owner first',
    );
  }

  /**
   * One more user would take the account beyond its edition's limit (C3: Solopreneur is for one
   * user). `edition` is its name; `field` the request field the refusal is about (email, token).
   */
  static seatLimitReached(edition: string, maxSeats: number, field: 'email' | 'token'): IdentityError {
    const users = `${maxSeats} user${maxSeats === 1 ? '' : 's'}`;
    return new IdentityError(
      IdentityErrorCode.SeatLimitReached,
      `the ${edition} edition is for at most ${users}, and the account has no seat left`,
      [{ field, reason: `${edition} is for at most ${users}` }],
    );
  }

  /** Too many failures: 429 with the seconds to wait, which the filter also sends as Retry-After. */
  static throttled(retryAfterSeconds: number): IdentityError {
    const error = new IdentityError(
      IdentityErrorCode.TooManyRequests,
      `too many failed attempts; try again in ${retryAfterSeconds} s`,
    );
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static starting(): IdentityError {
    return new IdentityError(IdentityErrorCode.Starting, 'the service is starting');
  }
}
