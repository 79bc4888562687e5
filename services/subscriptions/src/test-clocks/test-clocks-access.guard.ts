import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { JwtAccessTokenVerifier, notFound, RevocationList } from '@obolus/auth';
import { SERVICE_CONFIG, testClocksEnabled } from '@obolus/platform';
import { SubscriptionsConfig } from '../subscriptions.config';

/**
 * Test clocks are open to any caller where the deployment runs with `OBOLUS_TEST_CLOCKS=enabled`
 * (local stack, e2e). Elsewhere only a valid, unrevoked staff token reaches them, and every other
 * caller gets 404, as if the routes did not exist. The routes are `@Public()` for the global guard.
 */
@Injectable()
export class TestClocksAccessGuard implements CanActivate {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SubscriptionsConfig,
    @Inject(JwtAccessTokenVerifier) private readonly verifier: JwtAccessTokenVerifier,
    @Optional() @Inject(RevocationList) private readonly revocations?: RevocationList,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (testClocksEnabled(this.config)) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers.authorization;
    const token = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(header.trim())?.[1] : undefined;
    if (!token) throw notFound();
    const verified = await this.verifier.verifyToken(token).catch(() => undefined);
    if (!verified || verified.principal.kind !== 'staff') throw notFound();
    if (this.revocations && (!this.revocations.isCaughtUp || this.revocations.refusalOf(verified))) throw notFound();
    return true;
  }
}
