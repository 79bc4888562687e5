import type { ValidationReport } from '@obolus/ubl';

/** An application registered with ANAF's OAuth server: what a developer registers in SPV. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Exact callback URLs; `authorize` refuses any other. */
  redirectUris: string[];
}

/** Checks an uploaded document as ANAF does; CiusRoValidator by default. */
export interface DocumentValidator {
  validate(xml: string): Promise<ValidationReport>;
}

/** ANAF's per-method limits (section 8 of the contract); lowered in tests to reach them cheaply. */
export interface AnafLimits {
  /** API calls per minute per OAuth client before 429. */
  requestsPerMinute: number;
  /** stareMesaj queries per upload per day. */
  statusQueriesPerMessagePerDay: number;
  /** listaMesajeFactura calls per CUI per day. */
  simpleListsPerCifPerDay: number;
  /** listaMesajePaginatieFactura calls per CUI per day. */
  paginatedListsPerCifPerDay: number;
  /** descarcare calls per message per day. */
  downloadsPerMessagePerDay: number;
  /** RASP uploads per CUI per day. */
  raspUploadsPerCifPerDay: number;
}

export const ANAF_LIMITS: AnafLimits = {
  requestsPerMinute: 1000,
  statusQueriesPerMessagePerDay: 100,
  simpleListsPerCifPerDay: 1500,
  paginatedListsPerCifPerDay: 100_000,
  downloadsPerMessagePerDay: 10,
  raspUploadsPerCifPerDay: 1000,
};

export interface AnafSandboxOptions {
  port?: number;
  host?: string;
  clients?: OAuthClient[];
  /** How long an upload stays `in prelucrare` on the sandbox clock (ms); 0 means as soon as it is validated. */
  processingDelayMs?: number;
  /** How long after processing a message shows in the lists (ANAF: seconds to ~15 minutes). */
  listingDelayMs?: number;
  limits?: Partial<AnafLimits>;
  /** Messages per page of listaMesajePaginatieFactura, and the most the simple list returns: 500 at ANAF. */
  pageSize?: number;
  validator?: DocumentValidator;
  /** Warm the default validator at start, so that the first upload is not slow. */
  warmUpValidator?: boolean;
  /** PEM key and certificate to sign archives with; a fresh self-signed pair otherwise. */
  signingKeyPem?: string;
  signingCertificatePem?: string;
  /** The `iss` of access tokens. */
  issuer?: string;
  /** Access and refresh token lifetimes (s); ANAF's are 90 and 365 days. */
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** How long an authorization code can be exchanged (s); 60 at ANAF. */
  authorizationCodeTtlSeconds?: number;
  /** How many requests the request log keeps (oldest dropped first). */
  requestLogSize?: number;
}

export interface ResolvedOptions {
  clients: OAuthClient[];
  processingDelayMs: number;
  listingDelayMs: number;
  limits: AnafLimits;
  pageSize: number;
  issuer: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  authorizationCodeTtlSeconds: number;
  requestLogSize: number;
}

export const DEFAULT_CLIENT: OAuthClient = {
  clientId: 'obolus-sandbox-client',
  clientSecret: 'obolus-sandbox-secret',
  redirectUris: ['http://127.0.0.1:4005/efactura/oauth/callback'],
};

export function resolveOptions(options: AnafSandboxOptions): ResolvedOptions {
  return {
    clients: options.clients ?? [DEFAULT_CLIENT],
    processingDelayMs: options.processingDelayMs ?? 2000,
    listingDelayMs: options.listingDelayMs ?? 0,
    limits: { ...ANAF_LIMITS, ...options.limits },
    pageSize: options.pageSize ?? 500,
    issuer: options.issuer ?? 'https://logincert.anaf.ro',
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 90 * 86_400,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 365 * 86_400,
    authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 60,
    requestLogSize: options.requestLogSize ?? 10_000,
  };
}
