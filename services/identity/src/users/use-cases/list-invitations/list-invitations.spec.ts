import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { InvitationsRepository } from '../../invitations.repository';
import { InMemoryInvitations } from '../../test-support/in-memory-invitations';
import { accountWithMembers, ACCOUNT_ID, OWNER_ID } from '../../test-support/users-fixture';
import { ListInvitationsCommand } from './list-invitations.command';
import { ListInvitationsUseCase } from './list-invitations.use-case';

describe('ListInvitationsUseCase', () => {
  const now = new Date('2026-11-27T10:00:00.000Z');
  const clock = { now: () => now };

  it("lists the account's open invitations, oldest first, without accepted, expired or other accounts' ones", async () => {
    const invitations = new InMemoryInvitations(accountWithMembers());
    const uow = new RecordingUnitOfWork();
    const invite = (id: string, email: string, extra: { expiresAt?: Date; accountId?: string; createdAt: Date }) =>
      invitations.insert(
        uow,
        {
          id,
          accountId: extra.accountId ?? ACCOUNT_ID,
          email,
          role: 'user',
          tokenHash: Buffer.from(id),
          invitedByUserId: OWNER_ID,
          expiresAt: extra.expiresAt ?? new Date('2026-12-04T10:00:00.000Z'),
        },
        extra.createdAt,
      );
    await invite('5a1b0c2d-0000-4000-8000-000000000002', 'second@atelier-dupont.fr', {
      createdAt: new Date('2026-11-26T09:00:00Z'),
    });
    await invite('5a1b0c2d-0000-4000-8000-000000000001', 'first@atelier-dupont.fr', {
      createdAt: new Date('2026-11-25T09:00:00Z'),
    });
    await invite('5a1b0c2d-0000-4000-8000-000000000003', 'expired@atelier-dupont.fr', {
      createdAt: new Date('2026-11-10T09:00:00Z'),
      expiresAt: new Date('2026-11-17T09:00:00Z'),
    });
    await invite('5a1b0c2d-0000-4000-8000-000000000004', 'elsewhere@example.fr', {
      createdAt: new Date('2026-11-26T09:00:00Z'),
      accountId: '6b2c1d3e-0000-4000-8000-000000000009',
    });
    await invite('5a1b0c2d-0000-4000-8000-000000000005', 'joined@atelier-dupont.fr', {
      createdAt: new Date('2026-11-24T09:00:00Z'),
    });
    invitations.rows.get(Buffer.from('5a1b0c2d-0000-4000-8000-000000000005').toString('hex'))!.acceptedAt = now;

    const list = new ListInvitationsUseCase(invitations as unknown as InvitationsRepository, clock as never);
    const open = await list.execute(ListInvitationsCommand.create({ accountId: ACCOUNT_ID }), uow);
    expect(open).toEqual([
      {
        invitationId: '5a1b0c2d-0000-4000-8000-000000000001',
        email: 'first@atelier-dupont.fr',
        role: 'user',
        invitedAt: '2026-11-25T09:00:00.000Z',
        expiresAt: '2026-12-04T10:00:00.000Z',
      },
      expect.objectContaining({ email: 'second@atelier-dupont.fr' }),
    ]);
  });

  it('refuses an account id that is not a UUID', () => {
    expect(() => ListInvitationsCommand.create({ accountId: 'acme' })).toThrow(InvalidCommandError);
  });
});
