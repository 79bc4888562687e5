import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { SessionTokens, TokenPair } from '../../../sessions/session-tokens';
import { StaffRepository, StaffUser } from '../../staff.repository';
import { SignInStaffCommand } from './sign-in-staff.command';

/** Console sign-in (S1): the same defences as customers', a token for the console audience only. */
@Injectable()
export class SignInStaffUseCase {
  constructor(
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessionTokens: SessionTokens,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: SignInStaffCommand, uow: UnitOfWork): Promise<TokenPair> {
    const { email, password, client } = command;
    await this.throttle.assertAllowed(uow, 'staff', email, client.ip);
    const member = await this.staff.findByEmail(uow, email);
    const matches = await this.hasher.verify(member?.passwordHash, password);
    if (!member || !matches || member.disabledAt) throw await this.refusal(uow, command, member);
    const { sessionId, ...tokens } = await this.sessionTokens.open(
      uow,
      { kind: 'staff', staffId: member.id, email: member.email, roles: member.roles },
      client,
    );
    await this.audit.record(uow, {
      event: 'staff.sign-in.succeeded',
      staffId: member.id,
      clientIp: client.ip,
      details: { sessionId },
    });
    await this.throttle.clear(uow, 'staff', email);
    return tokens;
  }

  /** Counts the failure and records it in the trail; both commit with the refusal (nothing else was written). */
  private async refusal(
    uow: UnitOfWork,
    { email, client }: SignInStaffCommand,
    member: StaffUser | undefined,
  ): Promise<IdentityError> {
    await this.throttle.recordFailure(uow, 'staff', email, client.ip);
    await this.audit.record(uow, {
      event: 'staff.sign-in.failed',
      staffId: member?.id ?? null,
      clientIp: client.ip,
      details: { email: email.trim().toLowerCase() },
    });
    return IdentityError.invalidCredentials().committingWork();
  }
}
