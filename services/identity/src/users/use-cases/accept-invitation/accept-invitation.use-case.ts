import { Inject, Injectable } from '@nestjs/common';
import { UserJoinedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { DATA_SOURCE } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { invalidToken } from '../../../auth/identity.errors';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { ClientInfo } from '../../../sessions/session-tokens';
import { JoinedView } from '../../dto/users.dto';
import { InvitationsRepository } from '../../invitations.repository';
import { UsersRepository } from '../../users.repository';
import { emailTaken } from '../../users.errors';

export interface AcceptInvitationCommand {
  token: string;
  password: string;
  name: string;
  client: ClientInfo;
}

/** The invitee sets a name and password and joins: the token is spent and `user.joined` counts a seat (B5). */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ token, password, name, client }: AcceptInvitationCommand): Promise<JoinedView> {
    const passwordHash = await this.hasher.hash(password);
    const userId = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const invitation = await this.invitations.claim(manager, hashOpaqueToken(token), userId);
        if (!invitation) throw invalidToken('invitation');
        const { accountId } = invitation;
        const joinedAt = new Date();
        await this.users.insert(manager, {
          id: userId,
          accountId,
          email: invitation.email,
          role: invitation.role,
          passwordHash,
          displayName: name.trim(),
          passwordChangedAt: joinedAt,
          createdAt: joinedAt,
        });
        await this.outbox.append(manager, UserJoinedV1, {
          accountId,
          subject: userId,
          data: { accountId, userId, email: invitation.email, role: invitation.role, joinedAt: joinedAt.toISOString() },
        });
        await this.audit.record(manager, {
          event: 'user.joined',
          accountId,
          actorUserId: userId,
          subjectId: userId,
          clientIp: client.ip,
          details: { invitationId: invitation.id, role: invitation.role },
        });
        return { accountId, userId };
      });
    } catch (error) {
      // The address signed up elsewhere since the invitation: nothing was written, the token still works.
      if ((error as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
  }
}
