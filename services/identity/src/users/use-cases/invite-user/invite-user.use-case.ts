import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@obolus/auth';
import { UserInvitedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { DATA_SOURCE } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { newOpaqueToken } from '../../../credentials/opaque-token';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { ClientInfo } from '../../../sessions/session-tokens';
import { InvitationView } from '../../dto/users.dto';
import { InvitationsRepository } from '../../invitations.repository';
import { UsersRepository } from '../../users.repository';
import { emailTaken, userNotFound } from '../../users.errors';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InviteUserCommand {
  actor: Principal;
  accountId: string;
  email: string;
  role: 'admin' | 'user';
  client: ClientInfo;
}

/** An owner or admin invites someone by e-mail: a single-use token, stored hashed, valid 7 days. */
@Injectable()
export class InviteUserUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ actor, accountId, email, role, client }: InviteUserCommand): Promise<InvitationView> {
    const address = email.trim();
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.find(manager, accountId);
      if (!account || account.status !== 'active') throw userNotFound();
      if (await this.users.emailTaken(manager, address)) throw emailTaken();
      const invitationId = randomUUID();
      const { token, hash } = newOpaqueToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      await this.invitations.insert(manager, {
        id: invitationId,
        accountId,
        email: address,
        role,
        tokenHash: hash,
        invitedByUserId: actor.userId,
        expiresAt,
      });
      const acceptUrl = new URL('/accept-invitation', this.config.IDENTITY_APP_URL);
      acceptUrl.searchParams.set('token', token);
      await this.outbox.append(manager, UserInvitedV1, {
        accountId,
        subject: invitationId,
        data: {
          accountId,
          invitationId,
          email: address,
          role,
          invitedByUserId: actor.userId,
          companyName: account.companyName,
          locale: account.locale,
          acceptUrl: acceptUrl.toString(),
          expiresAt: expiresAt.toISOString(),
        },
      });
      await this.audit.record(manager, {
        event: 'user.invited',
        accountId,
        actorUserId: actor.userId,
        clientIp: client.ip,
        details: { invitationId, email: address, role },
      });
      return { invitationId, email: address, role, expiresAt: expiresAt.toISOString() };
    });
  }
}
