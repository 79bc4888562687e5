import {
  ConfigError,
  ConfigOf,
  ConfigVariable,
  int,
  optional,
  ServiceConfig,
  str,
  testClocksConfigSpec,
  url,
} from '@obolus/platform';

const trustProxy = (description: string, defaultValue: string): ConfigVariable<string> => ({
  description,
  default: defaultValue,
  parse: (raw) => {
    if (!/^[\w.,:/ -]+$/.test(raw))
      throw new Error(`'${raw}' is not a list of addresses or names (loopback, uniquelocal, 10.0.0.0/8...)`);
    return raw;
  },
});

/** identity's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const identityConfigSpec = {
  IDENTITY_SIGNING_KEY: optional(
    str(
      'the Ed25519 private key that signs access tokens, PEM (PKCS#8) or JWK JSON; unset: a key generated once and kept in the identity schema (dev and tests)',
    ),
  ),
  IDENTITY_SIGNING_KEY_ID: optional(str('the kid of IDENTITY_SIGNING_KEY; its JWK thumbprint by default')),
  IDENTITY_ACCESS_TOKEN_TTL_SECONDS: int('lifetime of an access token', 900, 30),
  IDENTITY_REFRESH_TOKEN_TTL_DAYS: int('lifetime of a refresh token (each refresh rotates it)', 30, 1),
  IDENTITY_ARGON2_MEMORY_KIB: int('argon2id memory cost in KiB (OWASP minimum 19456)', 32768, 19456),
  IDENTITY_ARGON2_TIME_COST: int('argon2id iterations', 2, 1),
  IDENTITY_ARGON2_PARALLELISM: int('argon2id lanes', 1, 1),
  IDENTITY_SIGNIN_WINDOW_SECONDS: int('sliding window of the sign-in failure counters', 900, 1),
  IDENTITY_SIGNIN_MAX_FAILURES_PER_EMAIL: int('failed sign-ins per e-mail address within the window before 429', 5, 1),
  IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: int('failed sign-ins per client address within the window before 429', 30, 1),
  IDENTITY_CLOSURE_RETENTION_DAYS: int('days a closed account is kept (blocked) before its data is purged', 30, 0),
  IDENTITY_PURGE_POLL_SECONDS: int('how often due purges are looked for', 60, 1),
  IDENTITY_EXPORT_LINK_TTL_HOURS: int("how long a data export's download link works", 168, 1),
  IDENTITY_PUBLIC_URL: url(
    "identity's address as customers reach it, for the download links of data exports",
    ['http', 'https'],
    'http://127.0.0.1:4001',
  ),
  IDENTITY_SERVICE_KEY: optional(
    str(
      "identity's secret on the other services' internal routes (listed as identity:<it> in their INTERNAL_API_KEYS); unset: exports cannot be assembled",
    ),
  ),
  SUBSCRIPTIONS_URL: url(
    "subscriptions' base URL, asked for its part of data exports",
    ['http', 'https'],
    'http://127.0.0.1:4002',
  ),
  PAYMENTS_URL: url("payments' base URL, asked for its part of data exports", ['http', 'https'], 'http://127.0.0.1:4003'),
  INVOICING_URL: url("invoicing's base URL, asked for its part of data exports", ['http', 'https'], 'http://127.0.0.1:4004'),
  EFACTURA_GATEWAY_URL: url(
    "efactura-gateway's base URL, asked for its part of data exports",
    ['http', 'https'],
    'http://127.0.0.1:4005',
  ),
  IDENTITY_APP_URL: url(
    'the customer portal (the web edge), for the links in reset and invitation e-mails',
    ['http', 'https'],
    'http://127.0.0.1:4000',
  ),
  IDENTITY_TRUST_PROXY: trustProxy(
    'proxies whose X-Forwarded-For is believed for the client address (Express trust proxy)',
    'loopback',
  ),
  IDENTITY_STAFF_EMAIL: optional(str('a staff user created at start if missing (local runs)')),
  IDENTITY_STAFF_PASSWORD: optional(str('the password of IDENTITY_STAFF_EMAIL')),
  /** A sign-up may name a test clock only when enabled (identity cannot tell staff at sign-up). */
  ...testClocksConfigSpec,
};

export type IdentityConfig = ServiceConfig & ConfigOf<typeof identityConfigSpec>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

/** The rules between identity's variables, checked at start with the rest. */
export function checkIdentityConfig(config: ConfigOf<typeof identityConfigSpec>): void {
  if (Boolean(config.IDENTITY_STAFF_EMAIL) !== Boolean(config.IDENTITY_STAFF_PASSWORD)) {
    throw new ConfigError(
      config.IDENTITY_STAFF_EMAIL ? 'IDENTITY_STAFF_PASSWORD' : 'IDENTITY_STAFF_EMAIL',
      'is required when the other bootstrap staff variable is set',
    );
  }
  if (config.IDENTITY_STAFF_PASSWORD !== undefined && config.IDENTITY_STAFF_PASSWORD.length < 12) {
    throw new ConfigError('IDENTITY_STAFF_PASSWORD', 'is invalid: at least 12 characters');
  }
}
