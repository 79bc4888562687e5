import { ConfigOf, int, url } from '@obolus/platform';

/** The variables a service reads to check access tokens. Add them to the service's extra config. */
export const authConfigSpec = {
  IDENTITY_JWKS_URL: url(
    "identity's public keys, to verify access tokens offline",
    ['http', 'https'],
    'http://127.0.0.1:4001/.well-known/jwks.json',
  ),
  AUTH_REVOCATION_RETENTION_SECONDS: int(
    "how long a revoked session or removed user is remembered: at least identity's IDENTITY_ACCESS_TOKEN_TTL_SECONDS",
    900,
    30,
  ),
};

export type AuthConfig = ConfigOf<typeof authConfigSpec>;
