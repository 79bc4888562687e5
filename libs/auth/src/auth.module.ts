import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { AccessTokenVerifierOptions, JwtAccessTokenVerifier } from './jwt-access-token-verifier';
import { RevocationFeed } from './revocation-feed';
import { RevocationList } from './revocation-list';
import { TenantContext, TenantContextInterceptor } from './tenant-context';

/** What a service passes: its name and its validated configuration. */
export interface AuthServiceOptions {
  service: string;
  config: AuthConfig & { KAFKA_BROKERS: string[] };
}

/** Tests: keys in hand, and the revocations the test puts in its list (none by default). */
export type AuthModuleOptions = Omit<AccessTokenVerifierOptions, 'jwksUrl'> & { revocations?: RevocationList };

/** Slack on the retention for the verifier's clock tolerance and clocks that disagree between hosts. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Access-token checks for a service: a global guard (every route needs a token unless `@Public()`),
 * the tenant context, the verifier and the revocation list. `AuthModule.forService(name, config)` in
 * each service's root module; `AuthModule.forRoot({ jwks })` in tests.
 */
@Global()
@Module({})
export class AuthModule {
  static forService({ service, config }: AuthServiceOptions): DynamicModule {
    const revocations = new RevocationList({ retainMs: config.AUTH_REVOCATION_RETENTION_SECONDS * 1000 + CLOCK_SLACK_MS });
    return AuthModule.module(new JwtAccessTokenVerifier({ jwksUrl: config.IDENTITY_JWKS_URL }), revocations, [
      { provide: RevocationFeed, useValue: new RevocationFeed(revocations, { service, brokers: config.KAFKA_BROKERS }) },
    ]);
  }

  static forRoot({ revocations, ...verifier }: AuthModuleOptions): DynamicModule {
    return AuthModule.module(new JwtAccessTokenVerifier(verifier), revocations ?? RevocationList.complete());
  }

  private static module(verifier: JwtAccessTokenVerifier, revocations: RevocationList, extra: Provider[] = []): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: JwtAccessTokenVerifier, useValue: verifier },
        { provide: RevocationList, useValue: revocations },
        ...extra,
        TenantContext,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
      ],
      exports: [JwtAccessTokenVerifier, RevocationList, TenantContext],
    };
  }
}
