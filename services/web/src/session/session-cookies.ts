import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'obolus_session';
export const REFRESH_COOKIE = 'obolus_refresh';
export const CSRF_COOKIE = 'obolus_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** One Set-Cookie header's parts. */
export interface CookieSpec {
  name: string;
  value: string;
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax';
  secure: boolean;
}

/** The Set-Cookie header value of a cookie. Names and values here are token characters only. */
export function serializeCookie(cookie: CookieSpec): string {
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    `Path=${cookie.path}`,
    `Max-Age=${Math.max(0, Math.floor(cookie.maxAge))}`,
  ];
  if (cookie.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (cookie.httpOnly) parts.push('HttpOnly');
  if (cookie.secure) parts.push('Secure');
  parts.push(`SameSite=${cookie.sameSite}`);
  return parts.join('; ');
}

/** The cookies of a Cookie header; a name seen twice keeps its first value (the most specific path). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!name || name in cookies) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/** A fresh CSRF token: 32 random bytes, base64url. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface SessionTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds until the refresh token expires. */
  refreshExpiresIn: number;
}

/**
 * The three cookies of a session: the access token for every API call, the refresh token only where
 * the session is renewed, and the CSRF token the portal reads and repeats in `x-csrf-token`.
 */
export function sessionCookies(tokens: SessionTokens, csrfToken: string, secure: boolean): CookieSpec[] {
  return [
    {
      name: SESSION_COOKIE,
      value: tokens.accessToken,
      path: '/api',
      maxAge: tokens.expiresIn,
      httpOnly: true,
      sameSite: 'Lax',
      secure,
    },
    {
      name: REFRESH_COOKIE,
      value: tokens.refreshToken,
      path: '/api/session',
      maxAge: tokens.refreshExpiresIn,
      httpOnly: true,
      sameSite: 'Strict',
      secure,
    },
    { name: CSRF_COOKIE, value: csrfToken, path: '/', maxAge: tokens.refreshExpiresIn, httpOnly: false, sameSite: 'Lax', secure },
  ];
}

/** The same three cookies, expired. */
export function clearedSessionCookies(secure: boolean): CookieSpec[] {
  return sessionCookies({ accessToken: '', expiresIn: 0, refreshToken: '', refreshExpiresIn: 0 }, '', secure);
}
