import { Inject, Injectable } from '@nestjs/common';
import { JwtAccessTokenVerifier } from '@obolus/auth';
import { ErrorBody, LOGGER } from '@obolus/platform';
import { Request, Response } from 'express';
import { Logger } from 'pino';
import { schemeOf } from '../proxy/proxy';
import { jwksUrlOf, WEB_CONFIG, WebConfig } from '../web.config';
import { ClientHeaders, IdentityClient, IdentityReply, IdentityUnavailable, SessionKind } from './identity-client';
import {
  clearedSessionCookies,
  CookieSpec,
  CSRF_COOKIE,
  newCsrfToken,
  parseCookies,
  REFRESH_COOKIE,
  serializeCookie,
  SESSION_COOKIE,
  sessionCookies,
  SessionTokens,
} from './session-cookies';
import { SessionView, sessionViewOf, sessionViewOfPrincipal, tokenKind } from './session-view';

const sessionRequired: ErrorBody = { code: 'SESSION_REQUIRED', message: 'sign in to continue', fields: [] };
const identityUnavailable: ErrorBody = { code: 'UPSTREAM_UNAVAILABLE', message: 'identity did not answer', fields: [] };

/**
 * The browser's session, kept in cookies: sign-in trades e-mail and password at identity for a token
 * pair the browser never sees, refresh and sign-out use the refresh cookie, and the session is read
 * back from identity with the access token. identity's refusals pass through as it answered them.
 */
@Injectable()
export class WebSessions {
  private readonly identity: IdentityClient;
  private readonly verifier: JwtAccessTokenVerifier;

  constructor(
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.identity = new IdentityClient(config.IDENTITY_PUBLIC_URL);
    this.verifier = new JwtAccessTokenVerifier({ jwksUrl: jwksUrlOf(config) });
  }

  async signIn(kind: SessionKind, request: Request, response: Response): Promise<void> {
    await this.guard(response, async () => {
      const reply = await this.identity.signIn(kind, request.body ?? {}, clientHeadersOf(request));
      if (!ok(reply)) return passThrough(response, reply);
      const tokens = reply.body;
      const view = await this.viewOf(kind, tokens.accessToken, request, reply.body);
      if ('refusal' in view) return passThrough(response, view.refusal);
      this.setCookies(response, sessionCookies(tokens, newCsrfToken(), this.config.WEB_COOKIE_SECURE));
      response.status(200).json(view.session);
    });
  }

  async read(request: Request, response: Response): Promise<void> {
    await this.guard(response, async () => {
      const cookies = parseCookies(request.headers.cookie);
      const access = cookies[SESSION_COOKIE];
      if (access) {
        const view = await this.viewOf(tokenKind(access), access, request);
        if ('session' in view) return void response.status(200).json(view.session);
        if (view.refusal.status !== 401) return passThrough(response, view.refusal);
      }
      // The access token is gone or expired: a reload after a quiet quarter of an hour renews it here.
      if (!cookies[REFRESH_COOKIE]) return this.signedOut(response, sessionRequired);
      const renewed = await this.renew(request, response, cookies);
      if ('refusal' in renewed) return this.signedOut(response, sessionRequired);
      response.status(200).json(renewed.session);
    });
  }

  async refresh(request: Request, response: Response): Promise<void> {
    await this.guard(response, async () => {
      const cookies = parseCookies(request.headers.cookie);
      if (!cookies[REFRESH_COOKIE]) return this.signedOut(response, sessionRequired);
      const renewed = await this.renew(request, response, cookies);
      if ('refusal' in renewed) {
        this.setCookies(response, clearedSessionCookies(this.config.WEB_COOKIE_SECURE));
        return passThrough(response, renewed.refusal);
      }
      response.status(200).json(renewed.session);
    });
  }

  /** Ends the session at identity when there is one to end; the cookies go either way. */
  async signOut(request: Request, response: Response): Promise<void> {
    const refreshToken = parseCookies(request.headers.cookie)[REFRESH_COOKIE];
    if (refreshToken) {
      await this.identity.signOut(refreshToken, clientHeadersOf(request)).then(
        (reply) =>
          !ok(reply) && reply.status !== 401 && this.logger.warn({ status: reply.status }, 'identity refused a sign-out'),
        (error: Error) => this.logger.warn({ error: error.message }, 'identity did not answer a sign-out'),
      );
    }
    this.setCookies(response, clearedSessionCookies(this.config.WEB_COOKIE_SECURE));
    response.status(204).end();
  }

  private async renew(
    request: Request,
    response: Response,
    cookies: Record<string, string>,
  ): Promise<{ session: SessionView } | { refusal: IdentityReply }> {
    const reply = await this.identity.refresh(cookies[REFRESH_COOKIE], clientHeadersOf(request));
    if (!ok(reply)) return { refusal: reply };
    const tokens: SessionTokens = reply.body;
    const view = await this.viewOf(tokenKind(tokens.accessToken), tokens.accessToken, request);
    // The renewed pair is kept even if reading the session failed: the old refresh token is spent.
    this.setCookies(response, sessionCookies(tokens, cookies[CSRF_COOKIE] || newCsrfToken(), this.config.WEB_COOKIE_SECURE));
    return view;
  }

  /**
   * The session of an access token, as identity's `/me` tells it. An identity without `/me` (404) is
   * read from the token itself, verified with identity's published keys (and the sign-in answer).
   */
  private async viewOf(
    kind: SessionKind,
    accessToken: string,
    request: Request,
    signedIn?: Record<string, unknown>,
  ): Promise<{ session: SessionView } | { refusal: IdentityReply }> {
    const me = await this.identity.me(kind, accessToken, clientHeadersOf(request));
    if (ok(me)) return { session: sessionViewOf(kind, me.body) };
    if (me.status !== 404) return { refusal: me };
    try {
      const principal = await this.verifier.verify(accessToken);
      return { session: { ...sessionViewOfPrincipal(principal), ...(signedIn ? pick(sessionViewOf(kind, signedIn)) : {}) } };
    } catch {
      return { refusal: { status: 401, body: sessionRequired } };
    }
  }

  private signedOut(response: Response, body: ErrorBody): void {
    this.setCookies(response, clearedSessionCookies(this.config.WEB_COOKIE_SECURE));
    response.status(401).json(body);
  }

  private setCookies(response: Response, cookies: CookieSpec[]): void {
    response.append('set-cookie', cookies.map(serializeCookie));
  }

  private async guard(response: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof IdentityUnavailable)) throw error;
      this.logger.warn({ error: error.message }, 'identity did not answer');
      response.status(502).json(identityUnavailable);
    }
  }
}

const ok = (reply: IdentityReply): boolean => reply.status >= 200 && reply.status < 300;

function pick(view: SessionView): Partial<SessionView> {
  return Object.fromEntries(Object.entries(view).filter(([key, value]) => key !== 'kind' && value)) as Partial<SessionView>;
}

function passThrough(response: Response, reply: IdentityReply): void {
  if (reply.retryAfter) response.setHeader('retry-after', reply.retryAfter);
  response
    .status(reply.status)
    .json(reply.body ?? { code: `HTTP_${reply.status}`, message: 'identity refused the request', fields: [] });
}

/** The browser's address (after the proxies before the edge), agent and trace, for identity. */
export function clientHeadersOf(request: Request): ClientHeaders {
  const single = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const earlier = single('x-forwarded-for');
  const ip = request.socket.remoteAddress ?? '';
  return {
    'x-forwarded-for': earlier ? `${earlier}, ${ip}` : ip,
    'x-forwarded-proto': schemeOf(request),
    'user-agent': single('user-agent'),
    traceparent: single('traceparent'),
    tracestate: single('tracestate'),
    'x-request-id': single('x-request-id'),
  };
}
