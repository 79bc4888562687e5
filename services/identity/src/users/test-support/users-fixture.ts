import { Role } from '@obolus/contracts';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';

export const ACCOUNT_ID = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
export const OWNER_ID = '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11';
export const ADMIN_ID = '8d1b8e63-6c4f-4a8f-8b62-1e4d3c2b1f22';
export const USER_ID = '9e2c9f74-7d5a-4b9a-9c73-2f5e4d3c2a33';

/** One active account with an owner, an admin and a user, joined in that order. */
export function accountWithMembers(tables = new InMemoryAccounts()): InMemoryAccounts {
  tables.seed(
    { id: ACCOUNT_ID, companyName: 'Atelier Dupont', locale: 'fr' },
    { id: OWNER_ID, email: 'owner@atelier-dupont.fr' },
  );
  const member = (id: string, email: string, role: Role, joined: string) =>
    tables.users.set(id, { id, accountId: ACCOUNT_ID, email, role, displayName: null, createdAt: new Date(joined) });
  member(ADMIN_ID, 'admin@atelier-dupont.fr', 'admin', '2026-03-03T09:00:00Z');
  member(USER_ID, 'user@atelier-dupont.fr', 'user', '2026-03-04T09:00:00Z');
  return tables;
}
