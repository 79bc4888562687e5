import { Role } from '@obolus/contracts';
import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../../accounts/accounts.repository';
import { AccountStatus } from '../../accounts/entities/account.entity';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../audit/test-support/in-memory-audit-log';
import { PasswordHasher } from '../../credentials/password-hasher';
import { IdentityConfig } from '../../identity.config';
import { SessionRevocations } from '../../sessions/session-revocations';
import { SessionTokens } from '../../sessions/session-tokens';
import { SessionsRepository } from '../../sessions/sessions.repository';
import { InMemorySessions } from '../../sessions/test-support/in-memory-sessions';
import { StaffRepository } from '../../staff/staff.repository';
import { InMemoryStaff } from '../../staff/test-support/in-memory-staff';
import { AccessTokenIssuer } from '../../tokens/access-token-issuer';
import { SigningKeys } from '../../tokens/signing-keys';
import { InMemoryUsers } from '../../users/test-support/in-memory-users';
import { UsersRepository } from '../../users/users.repository';
import { PasswordResetsRepository } from '../password-resets.repository';
import { SignInFailuresRepository } from '../sign-in-failures.repository';
import { SignInThrottle } from '../sign-in-throttle';
import { InMemoryPasswordResets } from './in-memory-password-resets';
import { InMemorySignInFailures } from './in-memory-sign-in-failures';

/** Runs every unit of work in the one recording unit of work of the spec (no transactions to roll back). */
class SpecUnitOfWorkRunner implements Pick<UnitOfWorkRunner, 'run'> {
  constructor(private readonly uow: UnitOfWork) {}

  run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return work(this.uow);
  }
}

export const SPEC_PASSWORD = 'Velvet-harbour-1987';

/**
 * identity's auth side wired over in-memory repositories, a settable clock and a recording unit of
 * work, with the real hasher (at the cheapest cost allowed), token issuer and throttle.
 */
export async function authWorld(overrides: Partial<IdentityConfig> = {}) {
  const clock = new SettableClock();
  const uow = new RecordingUnitOfWork(clock);
  const work = new SpecUnitOfWorkRunner(uow) as unknown as UnitOfWorkRunner;
  const config = { ...(await specConfig()), ...overrides } as IdentityConfig;
  const now = () => clock.now();
  const audit = new InMemoryAuditLog(now);
  const accounts = new InMemoryAccounts(audit);
  const users = new InMemoryUsers(accounts, now);
  const sessions = new InMemorySessions(clock);
  const resets = new InMemoryPasswordResets(clock);
  const failures = new InMemorySignInFailures(clock);
  const staff = new InMemoryStaff();
  const hasher = new PasswordHasher(config);
  await hasher.onModuleInit();
  const keys = await SigningKeys.fromConfig(config);
  const sessionTokens = new SessionTokens(
    as<SessionsRepository>(sessions),
    new AccessTokenIssuer(keys, clock, config),
    clock,
    config,
  );
  sessions.subjectOf = (accountId, userId) => {
    const user = users.rows.get(userId);
    const account = accounts.accounts.get(accountId);
    return user && account ? { role: user.role, accountStatus: account.status } : undefined;
  };

  const world = {
    clock,
    uow,
    work,
    config,
    keys,
    hasher,
    accounts,
    users,
    audit,
    sessions,
    resets,
    failures,
    staff,
    sessionTokens,
    revocations: new SessionRevocations(as<SessionsRepository>(sessions)),
    throttle: new SignInThrottle(as<SignInFailuresRepository>(failures), config),
    repositories: {
      users: as<UsersRepository>(users),
      accounts: as<AccountsRepository>(accounts),
      audit: as<AuditLogRepository>(audit),
      resets: as<PasswordResetsRepository>(resets),
      staff: as<StaffRepository>(staff),
      sessions: as<SessionsRepository>(sessions),
    },

    /** The events of the security trail, in the order written. */
    auditEvents: () => audit.entries.map((e) => e.event),

    /** An account with one user, signed-up with SPEC_PASSWORD. */
    async customer(options: { email?: string; role?: Role; status?: AccountStatus } = {}) {
      const accountId = randomUUID();
      const userId = randomUUID();
      const email = options.email ?? `owner+${userId.slice(0, 8)}@atelier-dupont.fr`;
      accounts.accounts.set(accountId, {
        id: accountId,
        companyName: 'Atelier Dupont',
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'web',
        locale: 'fr',
        status: options.status ?? 'active',
        createdAt: clock.now(),
      });
      users.rows.set(userId, {
        id: userId,
        accountId,
        email,
        role: options.role ?? 'owner',
        passwordHash: await hasher.hash(SPEC_PASSWORD),
        createdAt: clock.now(),
      });
      return { accountId, userId, email };
    },

    /** A staff member with SPEC_PASSWORD. */
    async staffMember(options: { disabled?: boolean } = {}) {
      const id = randomUUID();
      const email = `ops+${id.slice(0, 8)}@obolus.example`;
      staff.rows.set(id, {
        id,
        email,
        passwordHash: await hasher.hash(SPEC_PASSWORD),
        roles: ['support'],
        disabledAt: options.disabled ? clock.now() : null,
      });
      return { staffId: id, email };
    },
  };
  return world;
}

export type AuthWorld = Awaited<ReturnType<typeof authWorld>>;

export const CLIENT = { ip: '203.0.113.7', userAgent: 'spec' };

function as<T>(stand: unknown): T {
  return stand as T;
}

let signingKey: string | undefined;

async function specConfig(): Promise<Partial<IdentityConfig>> {
  if (!signingKey) {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    signingKey = JSON.stringify(await exportJWK(privateKey));
  }
  return {
    IDENTITY_SIGNING_KEY: signingKey,
    IDENTITY_ACCESS_TOKEN_TTL_SECONDS: 900,
    IDENTITY_REFRESH_TOKEN_TTL_DAYS: 30,
    IDENTITY_ARGON2_MEMORY_KIB: 19456,
    IDENTITY_ARGON2_TIME_COST: 1,
    IDENTITY_ARGON2_PARALLELISM: 1,
    IDENTITY_SIGNIN_WINDOW_SECONDS: 900,
    IDENTITY_SIGNIN_MAX_FAILURES_PER_EMAIL: 5,
    IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: 30,
    IDENTITY_APP_URL: 'https://app.obolus.example',
  };
}
