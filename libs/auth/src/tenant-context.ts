import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';
import { notFound } from './auth-errors';
import { AuthenticatedPrincipal, Principal } from './principal';
import { AuthenticatedRequest } from './decorators';

const storage = new AsyncLocalStorage<AuthenticatedPrincipal>();

/**
 * The caller of the request being handled, reachable from any code the handler runs (use cases,
 * repositories) without passing it down. Prefer passing the account id explicitly in commands; this
 * is the safety net for code that must refuse to run outside a tenant.
 */
@Injectable()
export class TenantContext {
  principal(): AuthenticatedPrincipal | undefined {
    return storage.getStore();
  }

  /** The caller's account id; throws (404) when there is no customer caller. */
  accountId(): string {
    const principal = storage.getStore();
    if (principal?.kind !== 'customer') throw notFound();
    return principal.accountId;
  }

  customer(): Principal | undefined {
    const principal = storage.getStore();
    return principal?.kind === 'customer' ? principal : undefined;
  }

  /** Runs work as a principal (consumers, jobs and tests). */
  static run<T>(principal: AuthenticatedPrincipal, work: () => T): T {
    return storage.run(principal, work);
  }
}

/** Makes the guard's principal the tenant context of the handler and everything it awaits. */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) return next.handle();
    return new Observable((subscriber) => storage.run(principal, () => next.handle().subscribe(subscriber)));
  }
}
