import { ApiProperty } from '@nestjs/swagger';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerRole } from '@obolus/auth';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { newOpaqueToken } from '../credentials/opaque-token';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { AccessTokenIssuer } from '../tokens/access-token-issuer';
import { SessionsRepository } from './sessions.repository';

export class TokenPair {
  @ApiProperty({ description: 'EdDSA-signed JWT for the Authorization header' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single-use: exchange it at /auth/refresh for a new pair' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the refresh token expires' }) refreshExpiresIn!: number;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/** A command's `client`: the caller's address (and user agent, when it sent one). */
export const isClientInfo = (client: unknown): client is ClientInfo =>
  typeof client === 'object' &&
  client !== null &&
  typeof (client as ClientInfo).ip === 'string' &&
  ['string', 'undefined'].includes(typeof (client as ClientInfo).userAgent);

export type SessionSubject =
  | { kind: 'customer'; userId: string; accountId: string; role: CustomerRole; email: string }
  | { kind: 'staff'; staffId: string; email: string; roles: string[] };

/** Opens sessions and issues token pairs: a new refresh token for the family, a new access token. */
@Injectable()
export class SessionTokens {
  private readonly refreshTtlSeconds: number;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
  ) {
    this.refreshTtlSeconds = config.IDENTITY_REFRESH_TOKEN_TTL_DAYS * 86_400;
  }

  async open(uow: UnitOfWork, subject: SessionSubject, client: ClientInfo): Promise<TokenPair & { sessionId: string }> {
    const sessionId = randomUUID();
    await this.sessions.insertSession(uow, {
      id: sessionId,
      kind: subject.kind,
      ...(subject.kind === 'customer' ? { accountId: subject.accountId, userId: subject.userId } : { staffId: subject.staffId }),
      clientIp: client.ip,
      userAgent: client.userAgent,
    });
    return { sessionId, ...(await this.issue(uow, sessionId, subject)) };
  }

  async issue(uow: UnitOfWork, sessionId: string, subject: SessionSubject): Promise<TokenPair> {
    const refresh = newOpaqueToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.refreshTtlSeconds * 1000);
    await this.sessions.insertRefreshToken(uow, sessionId, refresh.hash, expiresAt);
    const access =
      subject.kind === 'customer'
        ? await this.accessTokens.forCustomer({ ...subject, sessionId })
        : await this.accessTokens.forStaff({ ...subject, sessionId });
    return {
      accessToken: access.accessToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken: refresh.token,
      refreshExpiresIn: this.refreshTtlSeconds,
    };
  }
}
