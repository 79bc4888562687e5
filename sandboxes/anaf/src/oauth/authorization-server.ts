import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { OAuthClient, ResolvedOptions } from '../options';
import type { AccessTokens } from './access-tokens';
import { OAuthError } from './oauth-error';

/** A certificate holder's consent for one client: which CUIs its SPV rights cover. */
export interface Grant {
  id: string;
  clientId: string;
  /** CUIs the holder may act for; undefined means any CUI. */
  cifs?: string[];
  /** The simulated qualified certificate's serial, carried in the `serial` claim. */
  serial: string;
  revoked: boolean;
}

/** An `authorize` call waiting on the approve page. */
export interface PendingAuthorization {
  id: string;
  client: OAuthClient;
  redirectUri: string;
  state?: string;
  expiresAt: number;
}

interface AuthorizationCode {
  grantId: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

interface RefreshToken {
  grantId: string;
  clientId: string;
  expiresAt: number;
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

const PENDING_TTL_MS = 10 * 60_000;

function opaque(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * logincert.anaf.ro's authorization-code flow: pending requests shown on the approve page, single-use
 * codes valid for 60 s, and refresh tokens that rotate (each refresh invalidates the one it used).
 */
export class AuthorizationServer {
  private readonly clients = new Map<string, OAuthClient>();
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly tokens: AccessTokens,
    private readonly now: () => number,
  ) {
    for (const client of options.clients) this.clients.set(client.clientId, client);
  }

  registerClient(client: OAuthClient): void {
    this.clients.set(client.clientId, client);
  }

  /**
   * Checks an `authorize` request. An unknown client or a callback that is not registered is answered
   * on ANAF's side (never redirected); a bad response_type goes back to the callback.
   */
  authorize(query: URLSearchParams): PendingAuthorization | { redirect: string } {
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri') ?? '';
    const client = this.clients.get(clientId);
    if (!client) throw new OAuthError('invalid_client', `Unknown client_id: ${clientId || '(missing)'}`);
    if (!client.redirectUris.includes(redirectUri)) {
      throw new OAuthError('invalid_request', 'redirect_uri is not registered for this client');
    }
    const state = query.get('state') ?? undefined;
    if (query.get('response_type') !== 'code') {
      return { redirect: withQuery(redirectUri, { error: 'unsupported_response_type', state }) };
    }
    const request: PendingAuthorization = {
      id: randomUUID(),
      client,
      redirectUri,
      state,
      expiresAt: this.now() + PENDING_TTL_MS,
    };
    this.pending.set(request.id, request);
    return request;
  }

  /** The holder's answer on the approve page: a redirect to the callback with a code, or access_denied. */
  decide(requestId: string, approve: boolean, cifs?: string[]): string {
    const request = this.pending.get(requestId);
    if (!request || request.expiresAt <= this.now()) {
      throw new OAuthError('invalid_request', 'The authorization request is unknown or has expired');
    }
    this.pending.delete(requestId);
    if (!approve) return withQuery(request.redirectUri, { error: 'access_denied', state: request.state });
    const code = this.issueCode(request.client.clientId, request.redirectUri, cifs);
    return withQuery(request.redirectUri, { code, state: request.state });
  }

  private issueCode(clientId: string, redirectUri: string, cifs?: string[]): string {
    const grant: Grant = {
      id: randomUUID(),
      clientId,
      cifs: cifs && cifs.length > 0 ? cifs : undefined,
      serial: randomBytes(8).toString('hex'),
      revoked: false,
    };
    this.grants.set(grant.id, grant);
    const code = opaque();
    this.codes.set(code, {
      grantId: grant.id,
      clientId,
      redirectUri,
      expiresAt: this.now() + this.options.authorizationCodeTtlSeconds * 1000,
      used: false,
    });
    return code;
  }

  /** `POST token`: client authentication by HTTP Basic, then the grant. */
  async token(authorization: string | undefined, form: URLSearchParams): Promise<TokenResponse> {
    const client = this.authenticate(authorization);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'Missing grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(client, form);
    if (grantType === 'refresh_token') return this.refresh(client, form);
    throw new OAuthError('invalid_request', `Unsupported grant_type: ${grantType}`);
  }

  private authenticate(authorization: string | undefined): OAuthClient {
    if (!authorization || !/^basic /i.test(authorization)) {
      throw new OAuthError('invalid_client', 'Client authentication by HTTP Basic is required');
    }
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = colon < 0 ? decoded : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    const client = this.clients.get(clientId);
    if (!client || !sameSecret(secret, client.clientSecret)) throw new OAuthError('invalid_client', 'Bad client credentials');
    return client;
  }

  private async exchangeCode(client: OAuthClient, form: URLSearchParams): Promise<TokenResponse> {
    const value = form.get('code');
    if (!value) throw new OAuthError('invalid_request', 'Missing code');
    const code = this.codes.get(value);
    if (!code || code.used || code.clientId !== client.clientId) {
      throw new OAuthError('invalid_grant', 'Invalid authorization code');
    }
    if (code.expiresAt <= this.now()) throw new OAuthError('invalid_grant', 'Authorization code expired');
    if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri mismatch');
    const grant = this.grants.get(code.grantId);
    if (!grant || grant.revoked) throw new OAuthError('invalid_grant', 'Invalid authorization code');
    code.used = true;
    return this.issueTokens(grant);
  }

  private async refresh(client: OAuthClient, form: URLSearchParams): Promise<TokenResponse> {
    const value = form.get('refresh_token');
    if (!value) throw new OAuthError('invalid_request', 'Missing refresh_token');
    const stored = this.refreshTokens.get(value);
    const grant = stored && this.grants.get(stored.grantId);
    if (!stored || !grant || stored.clientId !== client.clientId || grant.revoked) {
      throw new OAuthError('invalid_grant', 'Invalid refresh token');
    }
    if (stored.expiresAt <= this.now()) throw new OAuthError('invalid_grant', 'Refresh token expired');
    // Rotation: the refresh token just used is spent; only the new one works from now on.
    this.refreshTokens.delete(value);
    return this.issueTokens(grant);
  }

  private async issueTokens(grant: Grant): Promise<TokenResponse> {
    const now = this.now();
    const refreshToken = opaque();
    this.refreshTokens.set(refreshToken, {
      grantId: grant.id,
      clientId: grant.clientId,
      expiresAt: now + this.options.refreshTokenTtlSeconds * 1000,
    });
    const accessToken = await this.tokens.issue(
      { clientId: grant.clientId, grantId: grant.id, serial: grant.serial },
      now,
      this.options.accessTokenTtlSeconds,
    );
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: this.options.accessTokenTtlSeconds,
      scope: 'clientappid issuer role certserial clientid',
    };
  }

  /** Test shortcut: the whole approve step in one call, as if the holder had approved on the page. */
  approve(params: { clientId: string; redirectUri: string; state?: string; cifs?: string[] }): {
    code: string;
    location: string;
  } {
    const client = this.clients.get(params.clientId);
    if (!client) throw new OAuthError('invalid_client', `Unknown client_id: ${params.clientId}`);
    if (!client.redirectUris.includes(params.redirectUri)) {
      throw new OAuthError('invalid_request', 'redirect_uri is not registered for this client');
    }
    const code = this.issueCode(client.clientId, params.redirectUri, params.cifs);
    return { code, location: withQuery(params.redirectUri, { code, state: params.state }) };
  }

  grant(grantId: string): Grant | undefined {
    return this.grants.get(grantId);
  }

  /** Withdraws consents (by client, by CUI, or all): their access and refresh tokens stop working. */
  revoke(filter: { clientId?: string; cif?: string }): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.revoked) continue;
      if (filter.clientId && grant.clientId !== filter.clientId) continue;
      if (filter.cif && grant.cifs && !grant.cifs.includes(filter.cif)) continue;
      grant.revoked = true;
      count += 1;
    }
    return count;
  }

  clear(): void {
    this.pending.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.grants.clear();
  }
}
