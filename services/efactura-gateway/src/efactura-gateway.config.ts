import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf, ServiceConfig, int, optional, str, url } from '@obolus/platform';

/** efactura-gateway's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. Defaults point at the ANAF sandbox. */
export const efacturaGatewayConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: optional(
    serviceKeys(
      'the services allowed on /internal routes (identity, for data exports), each with its own secret: identity:<secret>; unset: none',
    ),
  ),
  ANAF_OAUTH_URL: url(
    "ANAF's OAuth base (https://logincert.anaf.ro/anaf-oauth2/v1)",
    ['http', 'https'],
    'http://127.0.0.1:4603/anaf-oauth2/v1',
  ),
  ANAF_API_URL: url(
    "ANAF's e-Factura base (https://api.anaf.ro/test/FCTEL/rest or /prod/FCTEL/rest)",
    ['http', 'https'],
    'http://127.0.0.1:4603/test/FCTEL/rest',
  ),
  ANAF_CLIENT_ID: str('the client id of the application registered in SPV', 'obolus-sandbox-client'),
  ANAF_CLIENT_SECRET: str('the client secret of the application registered in SPV', 'obolus-sandbox-secret'),
  ANAF_REDIRECT_URI: url(
    "the callback registered with the application, this service's /efactura/oauth/callback",
    ['http', 'https'],
    'http://127.0.0.1:4005/efactura/oauth/callback',
  ),
  ANAF_TIMEOUT_MS: int('the most one call to ANAF may take', 30_000, 100),
  ANAF_SIGNING_CERTIFICATES: optional(
    str(
      "the certificates (PEM, one or more) that sign ANAF's answers, or issued their signer; unset checks each archive against the certificate it carries",
    ),
  ),
  EFACTURA_INCOMING_POLL_MS: int("how often each authorised CUI's supplier invoices are listed", 15 * 60_000, 1_000),
  EFACTURA_INCOMING_LAG_MS: int('how far short of now each listing window ends (clock skew)', 5 * 60_000, 0),
  EFACTURA_TOKENS_KEY: str('the key that seals ANAF tokens at rest: 32 random bytes, base64 (openssl rand -base64 32)'),
  EFACTURA_REFRESH_BEFORE_EXPIRY_HOURS: int('how long before its expiry an access token is refreshed', 7 * 24, 0),
  PORTAL_URL: optional(
    url("the customer portal: after ANAF's consent a person's browser is sent back to its e-Factura page", ['http', 'https']),
  ),
  EFACTURA_STATUS_POLL_MS: int('the wait before the first stareMesaj of an upload; later polls back off from it', 10_000, 0),
};

export type EfacturaGatewayConfig = ServiceConfig & ConfigOf<typeof efacturaGatewayConfigSpec>;
