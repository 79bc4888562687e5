import { ConfigOf, url } from '@obolus/observability';

/** The variable a service reads to find identity's keys. Add it to the service's extra config. */
export const authConfigSpec = {
  IDENTITY_JWKS_URL: url(
    "identity's public keys, to verify access tokens offline",
    ['http', 'https'],
    'http://127.0.0.1:4001/.well-known/jwks.json',
  ),
};

export type AuthConfig = ConfigOf<typeof authConfigSpec>;
