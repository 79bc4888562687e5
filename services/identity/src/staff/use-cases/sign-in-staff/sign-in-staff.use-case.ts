import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { invalidCredentials } from '../../../auth/identity.errors';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { ClientInfo, SessionTokens, TokenPair } from '../../../sessions/session-tokens';
import { StaffRepository } from '../../staff.repository';

/** Console sign-in (S1): the same defences as customers', a token for the console audience only. */
@Injectable()
export class SignInStaffUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessionTokens: SessionTokens,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(email: string, password: string, client: ClientInfo): Promise<TokenPair> {
    await this.throttle.assertAllowed('staff', email, client.ip);
    const member = await this.staff.findByEmail(this.dataSource.manager, email);
    const matches = await this.hasher.verify(member?.passwordHash, password);
    if (!member || !matches || member.disabledAt) {
      await this.throttle.recordFailure('staff', email, client.ip);
      await this.audit.record(this.dataSource.manager, {
        event: 'staff.sign-in.failed',
        staffId: member?.id ?? null,
        clientIp: client.ip,
        details: { email: email.trim().toLowerCase() },
      });
      throw invalidCredentials();
    }
    const pair = await this.dataSource.transaction(async (manager) => {
      const opened = await this.sessionTokens.open(
        manager,
        { kind: 'staff', staffId: member.id, email: member.email, roles: member.roles },
        client,
      );
      await this.audit.record(manager, {
        event: 'staff.sign-in.succeeded',
        staffId: member.id,
        clientIp: client.ip,
        details: { sessionId: opened.sessionId },
      });
      return opened;
    });
    await this.throttle.clear('staff', email);
    const { sessionId: _sessionId, ...tokens } = pair;
    return tokens;
  }
}
