import { RecordingUnitOfWork } from '@obolus/testing';
import { IdentityErrorCode } from '../../../identity.errors';
import { ASSEMBLE_EXPORT_JOB } from '../../account-export-job';
import { ACCOUNT_ID, exportWorld, OWNER_EMAIL, OWNER_ID } from '../../test-support/export-world';
import { RequestAccountExportCommand } from './request-account-export.command';

describe('RequestAccountExportUseCase', () => {
  const command = RequestAccountExportCommand.create({
    accountId: ACCOUNT_ID,
    ownerUserId: OWNER_ID,
    ownerEmail: OWNER_EMAIL,
    clientIp: '203.0.113.7',
  });

  it('records a pending export and plans its assembly at once, in the account’s time', async () => {
    const world = await exportWorld();
    world.accountClocks.onTestClock(ACCOUNT_ID, 'c1a0c1a0-0000-4000-8000-000000000001', new Date('2026-12-31T00:00:00Z'));
    const uow = new RecordingUnitOfWork(world.clock);
    const view = await world.request.execute(command, uow);

    expect(view).toEqual({ exportId: expect.any(String), status: 'pending', requestedAt: '2026-11-27T09:30:00.000Z' });
    expect(world.exports.rows.get(view.exportId)).toMatchObject({
      accountId: ACCOUNT_ID,
      ownerEmail: OWNER_EMAIL,
      status: 'pending',
    });
    expect(world.jobs.pending(ASSEMBLE_EXPORT_JOB, view.exportId)).toMatchObject({
      accountId: ACCOUNT_ID,
      dueAt: new Date('2026-12-31T00:00:00Z'),
      payload: { exportId: view.exportId },
    });
    expect(world.audit.entries).toEqual([
      expect.objectContaining({ event: 'account.export-requested', actorUserId: OWNER_ID, subjectId: view.exportId }),
    ]);
    expect(uow.emitted).toHaveLength(0);
  });

  it('refuses a closed account with 403 ACCOUNT_CLOSED and plans nothing', async () => {
    const world = await exportWorld();
    world.accounts.accounts.get(ACCOUNT_ID)!.status = 'blocked';
    await expect(world.request.execute(command, new RecordingUnitOfWork(world.clock))).rejects.toMatchObject({
      code: IdentityErrorCode.AccountClosed,
      kind: 'forbidden',
    });
    expect(world.exports.rows.size).toBe(0);
    expect(world.jobs.jobs.size).toBe(0);
  });
});
