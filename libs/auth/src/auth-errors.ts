import { DomainError, ErrorKind } from '@obolus/platform';

export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'AUTH_UNAVAILABLE';

const kinds: Record<AuthErrorCode, ErrorKind> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  AUTH_UNAVAILABLE: 'unavailable',
};

/** Why a request was not let through: no valid token, the wrong role, or another tenant's resource. */
export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string) {
    super(code, message, [], kinds[code]);
  }
}

export const unauthenticated = (message: string): AuthError => new AuthError('UNAUTHENTICATED', message);
export const forbidden = (message: string): AuthError => new AuthError('FORBIDDEN', message);
export const notFound = (message = 'no such resource'): AuthError => new AuthError('NOT_FOUND', message);
export const authUnavailable = (): AuthError => new AuthError('AUTH_UNAVAILABLE', 'access tokens cannot be verified right now');
