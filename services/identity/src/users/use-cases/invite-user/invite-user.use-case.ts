import { Inject, Injectable } from '@nestjs/common';
import { UserInvitedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { newOpaqueToken } from '../../../credentials/opaque-token';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { IdentityError } from '../../../identity.errors';
import { SeatLimitsRepository } from '../../../seat-limits/seat-limits.repository';
import { InvitationView } from '../../dto/users.dto';
import { InvitationsRepository, NewInvitation } from '../../invitations.repository';
import { checkSeatLeft } from '../../seat-rules';
import { UsersRepository } from '../../users.repository';
import { InviteUserCommand } from './invite-user.command';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * An owner or admin invites someone by e-mail: a single-use token, stored hashed, valid 7 days. The
 * invitation holds a seat: it is refused when the users and open invitations already fill the
 * edition's limit (C3, A4).
 */
@Injectable()
export class InviteUserUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly seatLimits: SeatLimitsRepository,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: InviteUserCommand, uow: UnitOfWork): Promise<InvitationView> {
    const { accountId, email, role } = command;
    const account = await this.accounts.find(uow, accountId);
    if (!account || account.status !== 'active') throw IdentityError.notFound('no such user in this account');
    if (await this.users.emailTaken(uow, email)) throw IdentityError.emailTaken('a user already has this e-mail address');
    const now = this.clock.now();
    // Locked: two invitations to the same account count its seats one after the other.
    const limit = await this.seatLimits.lock(uow, accountId);
    if (limit) {
      const taken = (await this.users.count(uow, accountId)) + (await this.invitations.countPending(uow, accountId, now));
      checkSeatLeft(limit, taken, 'email');
    }
    const { token, hash } = newOpaqueToken();
    const invitation: NewInvitation = {
      id: randomUUID(),
      accountId,
      email,
      role,
      tokenHash: hash,
      invitedByUserId: command.actorUserId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await this.invitations.insert(uow, invitation);
    await uow.emit(UserInvitedV1, {
      accountId,
      subject: invitation.id,
      data: {
        accountId,
        invitationId: invitation.id,
        email,
        role,
        invitedByUserId: command.actorUserId,
        companyName: account.companyName,
        locale: account.locale,
        acceptUrl: this.acceptUrl(token),
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    await this.audit.record(uow, {
      event: 'user.invited',
      accountId,
      actorUserId: command.actorUserId,
      clientIp: command.clientIp,
      details: { invitationId: invitation.id, email, role },
    });
    return { invitationId: invitation.id, email, role, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** The link in the e-mail: the web app's accept page, with the token. */
  private acceptUrl(token: string): string {
    const url = new URL('/accept-invitation', this.config.IDENTITY_APP_URL);
    url.searchParams.set('token', token);
    return url.toString();
  }
}
