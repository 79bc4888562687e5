import { UnitOfWork } from '@obolus/messaging';
import { newOpaqueToken } from '../../credentials/opaque-token';
import { InMemoryInvitations } from './in-memory-invitations';
import { ACCOUNT_ID, OWNER_ID } from './users-fixture';

/** An invitation as invite-user stores it; returns the token the e-mail would carry. */
export async function invite(
  invitations: InMemoryInvitations,
  uow: UnitOfWork,
  email: string,
  expiresAt: Date,
  role: 'admin' | 'user' = 'user',
): Promise<string> {
  const { token, hash } = newOpaqueToken();
  await invitations.insert(uow, {
    id: `5c6d7e8f-90a1-4b23-8d4e-${String(invitations.rows.size).padStart(12, '0')}`,
    accountId: ACCOUNT_ID,
    email,
    role,
    tokenHash: hash,
    invitedByUserId: OWNER_ID,
    expiresAt,
  });
  return token;
}
