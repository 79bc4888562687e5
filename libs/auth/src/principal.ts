/** The roles of a customer account's users (A2). */
export type CustomerRole = 'owner' | 'admin' | 'user';
export const CUSTOMER_ROLES: readonly CustomerRole[] = ['owner', 'admin', 'user'];

/** A user of a customer account (a tenant), as identity vouched for in the access token. */
export interface Principal {
  kind: 'customer';
  userId: string;
  accountId: string;
  role: CustomerRole;
  email: string;
  /** The sign-in session (refresh-token family) the access token was issued in. */
  sessionId?: string;
}

/** A member of the vendor's staff, for the console (S1); never a member of a customer account. */
export interface StaffPrincipal {
  kind: 'staff';
  staffId: string;
  email: string;
  roles: string[];
  sessionId?: string;
}

export type AuthenticatedPrincipal = Principal | StaffPrincipal;

/** Who issues access tokens and for whom; shared by identity (signing) and every verifier. */
export const TOKEN_ISSUER = 'obolus-identity';
export const CUSTOMER_AUDIENCE = 'obolus-api';
export const STAFF_AUDIENCE = 'obolus-console';
/** RFC 9068 access-token type: a token of another kind is never accepted as an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Asymmetric algorithms only: `none` and HMAC are refused whatever the token header says. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'] as const;

/** The claims of an Obolus access token, beyond the registered ones (iss, aud, sub, exp, nbf, iat, jti). */
export interface AccessTokenClaims {
  kind: 'customer' | 'staff';
  email: string;
  /** customer: the account id */
  acc?: string;
  /** customer: the role in the account */
  role?: CustomerRole;
  /** staff: the console roles */
  roles?: string[];
  /** the session (refresh-token family) */
  sid?: string;
}
