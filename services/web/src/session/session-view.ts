import { AuthenticatedPrincipal } from '@obolus/auth';
import { SessionKind } from './identity-client';

/** Who is signed in, as the portal reads it (`GET /api/session`); never a token. */
export interface SessionView {
  kind: SessionKind;
  userId: string;
  accountId?: string;
  role?: string;
  email?: string;
  language?: string;
  companyName?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The session from identity's `GET /me` (customer) or `GET /staff/me` (staff); only the fields the portal uses. */
export function sessionViewOf(kind: SessionKind, me: Record<string, unknown>): SessionView {
  if (kind === 'staff') {
    const roles = Array.isArray(me.roles) ? me.roles.filter((role): role is string => typeof role === 'string') : [];
    return withoutUndefined({
      kind,
      userId: text(me.staffId) ?? text(me.userId) ?? '',
      email: text(me.email),
      role: roles.length ? roles.join(',') : undefined,
    });
  }
  return withoutUndefined({
    kind,
    userId: text(me.userId) ?? '',
    accountId: text(me.accountId),
    role: text(me.role),
    email: text(me.email),
    language: text(me.language),
    companyName: text(me.companyName),
  });
}

/** The session from a verified access token's principal, where identity has no `/me` to ask. */
export function sessionViewOfPrincipal(principal: AuthenticatedPrincipal): SessionView {
  return principal.kind === 'staff'
    ? sessionViewOf('staff', { staffId: principal.staffId, email: principal.email, roles: principal.roles })
    : sessionViewOf('customer', { ...principal });
}

/**
 * The kind of an access token, read from its payload without checking it: it only picks which of
 * identity's routes is asked, and identity verifies the token.
 */
export function tokenKind(accessToken: string): SessionKind {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as { kind?: unknown };
    return payload.kind === 'staff' ? 'staff' : 'customer';
  } catch {
    return 'customer';
  }
}

function withoutUndefined(view: SessionView): SessionView {
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== undefined)) as unknown as SessionView;
}
