import { AccountExportReadyV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { IdentityErrorCode } from '../../../identity.errors';
import { ACCOUNT_ID, exportWorld, OWNER_EMAIL, OWNER_ID } from '../../test-support/export-world';
import { AssembleAccountExportCommand } from '../assemble-account-export/assemble-account-export.command';
import { GetAccountExportCommand } from '../get-account-export/get-account-export.command';
import { RequestAccountExportCommand } from '../request-account-export/request-account-export.command';
import { DownloadAccountExportCommand } from './download-account-export.command';

describe('DownloadAccountExportUseCase', () => {
  async function ready() {
    const world = await exportWorld();
    const { exportId } = await world.request.execute(
      RequestAccountExportCommand.create({
        accountId: ACCOUNT_ID,
        ownerUserId: OWNER_ID,
        ownerEmail: OWNER_EMAIL,
        clientIp: '203.0.113.7',
      }),
      new RecordingUnitOfWork(world.clock),
    );
    const uow = new RecordingUnitOfWork(world.clock);
    await world.assemble.execute(AssembleAccountExportCommand.create({ accountId: ACCOUNT_ID, exportId }), uow);
    const token = new URL(uow.dataOf(AccountExportReadyV1)[0]!.downloadUrl).searchParams.get('token')!;
    const download = (id: string, withToken: string) =>
      world.download.execute(
        DownloadAccountExportCommand.create({ exportId: id, token: withToken }),
        new RecordingUnitOfWork(world.clock),
      );
    return { world, exportId, token, download };
  }

  const invalidToken = { code: IdentityErrorCode.InvalidToken, kind: 'invalid' };

  it('serves the ZIP to whoever holds the link, with no session (after closure too)', async () => {
    const { world, exportId, token, download } = await ready();
    world.accounts.accounts.get(ACCOUNT_ID)!.status = 'blocked';
    const file = await download(exportId, token);
    expect(file.filename).toBe(`obolus-export-${exportId}.zip`);
    expect(file.bytes.equals(world.exports.rows.get(exportId)!.archive!)).toBe(true);
  });

  it('refuses a forged, altered or other export’s token with 400 INVALID_TOKEN', async () => {
    const { exportId, token, download } = await ready();
    const [header, payload] = token.split('.');
    await expect(download(exportId, `${header}.${payload}.${'A'.repeat(86)}`)).rejects.toMatchObject(invalidToken);
    await expect(download(exportId, 'not-a-token')).rejects.toMatchObject(invalidToken);
    await expect(download('5f0c6a7e-1111-4222-8333-444455556666', token)).rejects.toMatchObject(invalidToken);
  });

  it('refuses the link once it expired', async () => {
    const { world, exportId, token, download } = await ready();
    world.clock.advance(168 * 3_600_000 + 1_000);
    await expect(download(exportId, token)).rejects.toMatchObject(invalidToken);
    const view = await world.get.execute(
      GetAccountExportCommand.create({ accountId: ACCOUNT_ID, exportId }),
      new RecordingUnitOfWork(world.clock),
    );
    expect(view).toMatchObject({ status: 'ready' });
    expect(view.downloadUrl).toBeUndefined();
  });

  it('answers 404 once the account was purged and its export with it', async () => {
    const { world, exportId, token, download } = await ready();
    world.exports.rows.delete(exportId);
    await expect(download(exportId, token)).rejects.toMatchObject({ code: IdentityErrorCode.NotFound });
  });
});
