import { INestApplication } from '@nestjs/common';
import { serviceConnectionUrl } from '@obolus/database';
import { bootstrapService } from '@obolus/platform';
import { AddressInfo } from 'node:net';
import { subscriptionsConfigSpec } from '../src/subscriptions.config';
import { SubscriptionsModule } from '../src/subscriptions.module';

/**
 * Starts subscriptions in this process, on its own schema and role, checking access tokens against
 * `jwksUrl`. `env` sets (or, with undefined, removes) further variables, e.g. OBOLUS_TEST_CLOCKS.
 */
export async function startSubscriptions(
  jwksUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<{ app: INestApplication; url: string }> {
  Object.assign(process.env, {
    PORT: '0',
    DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'subscriptions'),
    IDENTITY_JWKS_URL: jwksUrl,
    LOG_LEVEL: 'warn',
  });
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const app = await bootstrapService({
    service: 'subscriptions',
    config: subscriptionsConfigSpec,
    module: (config, logger) => SubscriptionsModule.forRoot(config, logger),
  });
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}
