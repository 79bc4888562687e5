import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_TYPE, CUSTOMER_AUDIENCE, CustomerRole, STAFF_AUDIENCE, TOKEN_ISSUER } from '@obolus/auth';
import { Clock } from '@obolus/platform';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { SigningKeys } from './signing-keys';

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Signs short-lived access tokens (EdDSA, `typ` at+jwt, with the key's `kid`). */
@Injectable()
export class AccessTokenIssuer {
  private readonly ttl: number;

  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
  ) {
    this.ttl = config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS;
  }

  forCustomer(user: {
    userId: string;
    accountId: string;
    role: CustomerRole;
    email: string;
    sessionId: string;
  }): Promise<IssuedAccessToken> {
    return this.sign(user.userId, CUSTOMER_AUDIENCE, {
      kind: 'customer',
      acc: user.accountId,
      role: user.role,
      email: user.email,
      sid: user.sessionId,
    });
  }

  forStaff(staff: { staffId: string; email: string; roles: string[]; sessionId: string }): Promise<IssuedAccessToken> {
    return this.sign(staff.staffId, STAFF_AUDIENCE, {
      kind: 'staff',
      email: staff.email,
      roles: staff.roles,
      sid: staff.sessionId,
    });
  }

  private async sign(subject: string, audience: string, claims: Record<string, unknown>): Promise<IssuedAccessToken> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.ttl)
      .setJti(randomUUID())
      .sign(this.keys.privateKey);
    return { accessToken, expiresIn: this.ttl };
  }
}
