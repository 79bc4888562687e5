import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';

export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export function argon2CostOf(config: IdentityConfig): Argon2Cost {
  return {
    memoryCost: config.IDENTITY_ARGON2_MEMORY_KIB,
    timeCost: config.IDENTITY_ARGON2_TIME_COST,
    parallelism: config.IDENTITY_ARGON2_PARALLELISM,
  };
}

/** argon2id password hashing at the configured cost (docs/identity.md says how it was chosen). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly cost: Argon2Cost;
  /** A hash of nothing anyone knows, verified when the e-mail is unknown so both answers take as long. */
  private decoyHash = '';

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.cost = argon2CostOf(config);
  }

  async onModuleInit(): Promise<void> {
    this.decoyHash = await this.hash(`decoy-${Math.random()}-${Date.now()}`);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.cost });
  }

  /** True when the password matches; a missing hash still costs one verification. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const matches = await argon2.verify(hash || this.decoyHash, password);
      return matches && Boolean(hash);
    } catch {
      return false;
    }
  }

  /** A hash made at an older cost is upgraded at the next successful sign-in. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, this.cost);
    } catch {
      return false;
    }
  }
}
