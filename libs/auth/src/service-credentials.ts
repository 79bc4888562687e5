import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ConfigVariable } from '@obolus/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from './auth-errors';
import { Public } from './decorators';

/** The header a service presents its credential in, on another service's internal routes. */
export const SERVICE_KEY_HEADER = 'x-obolus-service-key';

/** Each calling service's secret, by the caller's name. */
export type ServiceKeys = ReadonlyMap<string, string>;

/** The provider a service with internal routes binds its callers' keys to. */
export const SERVICE_KEYS = Symbol('SERVICE_KEYS');

const SERVICE_CALLERS = 'obolus:auth:service-callers';
const MIN_SECRET_LENGTH = 16;

/** `caller:secret[,caller:secret]`: one static secret per calling service. */
export function parseServiceKeys(raw: string): ServiceKeys {
  const keys = new Map<string, string>();
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const separator = entry.indexOf(':');
    const caller = entry.slice(0, separator);
    const secret = entry.slice(separator + 1);
    if (separator < 1 || !/^[a-z][a-z0-9-]*$/.test(caller)) throw new Error(`'${caller || entry}' is not a service name`);
    if (secret.length < MIN_SECRET_LENGTH)
      throw new Error(`the secret of ${caller} is shorter than ${MIN_SECRET_LENGTH} characters`);
    if (keys.has(caller)) throw new Error(`${caller} is listed twice`);
    keys.set(caller, secret);
  }
  if (keys.size === 0) throw new Error('no caller is listed');
  return keys;
}

/** A config variable holding the callers allowed on a service's internal routes. */
export const serviceKeys = (description: string): ConfigVariable<ServiceKeys> => ({
  description,
  parse: parseServiceKeys,
});

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * The caller whose secret was presented, among the allowed ones. Every allowed secret is compared, in
 * constant time, so neither a secret's content nor which caller matched shows in the response time.
 */
export function callerOfServiceKey(keys: ServiceKeys, allowed: readonly string[], presented: unknown): string | undefined {
  if (typeof presented !== 'string' || !presented) return undefined;
  const given = digest(presented);
  let caller: string | undefined;
  for (const name of allowed) {
    const secret = keys.get(name);
    if (secret !== undefined && timingSafeEqual(digest(secret), given)) caller ??= name;
  }
  return caller;
}

/** Lets through the services named on the route (`@ServiceOnly(...)`) that present their secret. */
@Injectable()
export class ServiceCredentialGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_KEYS) private readonly keys: ServiceKeys,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed =
      this.reflector.getAllAndOverride<string[] | undefined>(SERVICE_CALLERS, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (!callerOfServiceKey(this.keys, allowed, request.headers[SERVICE_KEY_HEADER])) {
      throw unauthenticated(`this route is for Obolus services: ${SERVICE_KEY_HEADER} must carry a caller's secret`);
    }
    return true;
  }
}

/**
 * A route for other services, not for customers: no access token, but the secret of one of the named
 * callers in `X-Obolus-Service-Key`. The module serving it provides `SERVICE_KEYS`.
 */
export const ServiceOnly = (...callers: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(Public(), SetMetadata(SERVICE_CALLERS, callers), UseGuards(ServiceCredentialGuard));
