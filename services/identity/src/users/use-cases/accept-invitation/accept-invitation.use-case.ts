import { Injectable } from '@nestjs/common';
import { UserJoinedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { SeatLimitsRepository } from '../../../seat-limits/seat-limits.repository';
import { JoinedView } from '../../dto/users.dto';
import { InvitationsRepository } from '../../invitations.repository';
import { checkSeatLeft } from '../../seat-rules';
import { UsersRepository } from '../../users.repository';
import { AcceptInvitationCommand } from './accept-invitation.command';

/**
 * The invitee sets a name and password and joins: the token is spent and `user.joined` counts a seat
 * (B5). Refused while the account's users already fill its edition's limit, which may have dropped
 * since the invitation (C3); the token then stays unspent.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly seatLimits: SeatLimitsRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AcceptInvitationCommand, uow: UnitOfWork): Promise<JoinedView> {
    const passwordHash = await this.hasher.hash(command.password);
    const userId = randomUUID();
    const joinedAt = this.clock.now();
    const invitation = await this.invitations.claim(uow, hashOpaqueToken(command.token), userId, joinedAt);
    if (!invitation) throw IdentityError.invalidToken('invitation');
    const { accountId, email, role } = invitation;
    // Locked: two acceptances into the same account count its users one after the other.
    const limit = await this.seatLimits.lock(uow, accountId);
    if (limit) checkSeatLeft(limit, await this.users.count(uow, accountId), 'token');
    const user = { id: userId, accountId, email, role, passwordHash, displayName: command.name };
    // The address signed up elsewhere since the invitation: the work rolls back, the token still works.
    if (!(await this.users.insert(uow, { ...user, passwordChangedAt: joinedAt, createdAt: joinedAt }))) {
      throw IdentityError.emailTaken('a user already has this e-mail address');
    }
    await uow.emit(UserJoinedV1, {
      accountId,
      subject: userId,
      data: { accountId, userId, email, role, joinedAt: joinedAt.toISOString() },
    });
    await this.audit.record(uow, {
      event: 'user.joined',
      accountId,
      actorUserId: userId,
      subjectId: userId,
      clientIp: command.clientIp,
      details: { invitationId: invitation.id, role },
    });
    return { accountId, userId };
  }
}
