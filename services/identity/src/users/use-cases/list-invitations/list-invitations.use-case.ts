import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { InvitationsRepository } from '../../invitations.repository';
import { ListInvitationsCommand } from './list-invitations.command';

export interface OpenInvitation {
  invitationId: string;
  email: string;
  role: string;
  invitedAt: string;
  expiresAt: string;
}

/** The invitations still open (not accepted, not expired), oldest first: each holds a seat until then (A4). */
@Injectable()
export class ListInvitationsUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ListInvitationsCommand, uow: UnitOfWork): Promise<OpenInvitation[]> {
    const pending = await this.invitations.listPending(uow, command.accountId, this.clock.now());
    return pending.map((invitation) => ({
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedAt: invitation.invitedAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }
}
