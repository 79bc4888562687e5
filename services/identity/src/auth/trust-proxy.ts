import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';

/** Which proxies' X-Forwarded-For is believed: the client address drives the per-address throttle. */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    const value = this.config.IDENTITY_TRUST_PROXY.trim();
    instance?.set?.('trust proxy', value === 'false' ? false : value.split(',').map((s) => s.trim()));
  }
}
