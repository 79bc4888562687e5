import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { IS_PUBLIC, Public } from '@obolus/platform';
import { notFound } from './auth-errors';
import { AuthenticatedPrincipal, CustomerRole, Principal, StaffPrincipal } from './principal';

export { IS_PUBLIC, Public };
export const REQUIRED_ROLES = 'obolus:auth:roles';
export const STAFF_ONLY = 'obolus:auth:staff';
export const STAFF_MAY_READ = 'obolus:auth:staff-may-read';

/** The customer roles allowed on a route or controller; without it any user of the account may call. */
export const Roles = (...roles: CustomerRole[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/**
 * A console route (S1): staff tokens only, customer tokens refused. With roles, the staff member
 * needs one of them.
 */
export const StaffOnly = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(STAFF_ONLY, roles);

/**
 * A customer route staff may also read (S1: the console shows an account's subscription, payments, invoices,
 * e-Factura documents and webhooks through the routes the customer uses). Only GET and HEAD: staff still act
 * through `@StaffOnly()` routes, each audited. Customers keep their own account only.
 */
export const StaffMayRead = (): MethodDecorator & ClassDecorator => SetMetadata(STAFF_MAY_READ, true);

/** The request's principal, as set by the guard. */
export interface AuthenticatedRequest {
  principal?: AuthenticatedPrincipal;
  params?: Record<string, string>;
}

/** The caller: `Principal` on customer routes, `StaffPrincipal` on `@StaffOnly()` routes. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedPrincipal | undefined => {
    return context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  },
);

/**
 * A customer may only reach its own account. Another account's resource answers 404, as if it did
 * not exist, so the token cannot be used to learn which account ids exist.
 */
export function assertSameAccount(
  principal: AuthenticatedPrincipal | undefined,
  accountId: string,
): asserts principal is Principal {
  if (!principal || principal.kind !== 'customer' || principal.accountId !== accountId) throw notFound();
}

/**
 * The tenant a request is scoped to: the `accountId` route parameter (or the one named), checked
 * against the caller's token. Use it as the account id of every query the route makes.
 */
export const TenantAccountId = createParamDecorator((param: string | undefined, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const accountId = request.params?.[param ?? 'accountId'];
  if (accountId === undefined) {
    // A route without the parameter is scoped to the caller's own account.
    if (request.principal?.kind === 'customer') return request.principal.accountId;
    throw notFound();
  }
  // The guard let staff in only on a `@StaffMayRead()` route and only to read: any account.
  if (request.principal?.kind === 'staff') return accountId;
  assertSameAccount(request.principal, accountId);
  return accountId;
});

/** Narrows a principal to staff (for code shared by console and customer paths). */
export function isStaff(principal: AuthenticatedPrincipal | undefined): principal is StaffPrincipal {
  return principal?.kind === 'staff';
}
