import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { IdentityErrorCode } from '../../../identity.errors';
import { StaffAccountsRepository } from '../../staff-accounts.repository';
import { InMemoryStaffAccounts } from '../../test-support/in-memory-staff-accounts';
import { GetStaffAccountCommand } from './get-staff-account.command';
import { GetStaffAccountUseCase } from './get-staff-account.use-case';

const ACCOUNT_ID = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
const OWNER_ID = '3e81cf41-6f40-4d71-9c6d-4e5f60718293';
const ADMIN_ID = '4f92d052-7051-4e82-8d7e-5f6071829304';

describe('GetStaffAccountUseCase', () => {
  const uow = new RecordingUnitOfWork();
  let tables: InMemoryAccounts;
  let staffAccounts: InMemoryStaffAccounts;
  let getAccount: GetStaffAccountUseCase;

  beforeEach(() => {
    tables = new InMemoryAccounts();
    tables.seed(
      { id: ACCOUNT_ID, companyName: 'Atelier Dupont', createdAt: new Date('2026-03-01T09:00:00Z') },
      { id: OWNER_ID, email: 'jean@atelier-dupont.fr', createdAt: new Date('2026-03-01T09:00:00Z') },
    );
    tables.users.set(ADMIN_ID, {
      id: ADMIN_ID,
      accountId: ACCOUNT_ID,
      email: 'marie@atelier-dupont.fr',
      role: 'admin',
      createdAt: new Date('2026-03-02T09:00:00Z'),
    });
    staffAccounts = new InMemoryStaffAccounts(tables);
    const invitation = { accountId: ACCOUNT_ID, role: 'user' as const, createdAt: new Date('2026-03-09T09:00:00Z') };
    staffAccounts.invitations.push(
      { ...invitation, email: 'paul@atelier-dupont.fr', expiresAt: new Date('2026-03-16T09:00:00Z') },
      { ...invitation, email: 'expired@atelier-dupont.fr', expiresAt: new Date('2026-03-09T10:00:00Z') },
      { ...invitation, email: 'joined@atelier-dupont.fr', expiresAt: new Date('2026-03-16T09:00:00Z'), acceptedAt: new Date() },
    );
    const clock = new SettableClock(new Date('2026-03-10T09:00:00Z'));
    getAccount = new GetStaffAccountUseCase(staffAccounts as unknown as StaffAccountsRepository, clock);
  });

  it('answers the summary with its users, oldest first, then the invitations still open', async () => {
    await expect(getAccount.execute(GetStaffAccountCommand.create({ accountId: ACCOUNT_ID }), uow)).resolves.toEqual({
      accountId: ACCOUNT_ID,
      companyName: 'Atelier Dupont',
      country: 'FR',
      catalog: 'fr-crm',
      ownerEmail: 'jean@atelier-dupont.fr',
      status: 'active',
      closureRequestedAt: null,
      createdAt: '2026-03-01T09:00:00.000Z',
      users: [
        { userId: OWNER_ID, email: 'jean@atelier-dupont.fr', role: 'owner', status: 'active', since: '2026-03-01T09:00:00.000Z' },
        {
          userId: ADMIN_ID,
          email: 'marie@atelier-dupont.fr',
          role: 'admin',
          status: 'active',
          since: '2026-03-02T09:00:00.000Z',
        },
        { userId: null, email: 'paul@atelier-dupont.fr', role: 'user', status: 'invited', since: '2026-03-09T09:00:00.000Z' },
      ],
    });
  });

  it('shows a purged account as closed, without users, and answers 404 for an unknown id', async () => {
    await tables.purge(uow, ACCOUNT_ID, new Date('2026-06-01T00:00:00Z'));
    staffAccounts.invitations.length = 0;
    await expect(getAccount.execute(GetStaffAccountCommand.create({ accountId: ACCOUNT_ID }), uow)).resolves.toMatchObject({
      status: 'closed',
      companyName: '[purged]',
      ownerEmail: null,
      users: [],
    });
    await expect(
      getAccount.execute(GetStaffAccountCommand.create({ accountId: '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071' }), uow),
    ).rejects.toMatchObject({ code: IdentityErrorCode.NotFound, kind: 'not-found' });
  });
});
