import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AccessTokenVerifierOptions, JwtAccessTokenVerifier } from './jwt-access-token-verifier';
import { TenantContext, TenantContextInterceptor } from './tenant-context';

export type AuthModuleOptions = AccessTokenVerifierOptions;

/**
 * Access-token checks for a service: a global guard (every route needs a token unless `@Public()`),
 * the tenant context, and the verifier. `AuthModule.forRoot({ jwksUrl })` in each service's root module.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: JwtAccessTokenVerifier, useValue: new JwtAccessTokenVerifier(options) },
        TenantContext,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
      ],
      exports: [JwtAccessTokenVerifier, TenantContext],
    };
  }
}
