import { AccountExportReadyV1 } from '@obolus/contracts';
import { TransientEventError } from '@obolus/messaging';
import { jsonExportFile } from '@obolus/platform';
import { readZip, RecordingUnitOfWork } from '@obolus/testing';
import { createHash } from 'node:crypto';
import { ExportManifest } from '../../export-archive';
import { ACCOUNT_ID, exportWorld, OWNER_EMAIL, OWNER_ID } from '../../test-support/export-world';
import { RequestAccountExportCommand } from '../request-account-export/request-account-export.command';
import { AssembleAccountExportCommand } from './assemble-account-export.command';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('AssembleAccountExportUseCase', () => {
  async function requested() {
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
    world.sources.files = [
      jsonExportFile('subscriptions/subscriptions.json', [{ edition: 'premium', seats: 2 }]),
      {
        path: 'invoicing/invoices/OBRO-2026-000001.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('%PDF-1.7\n\u0000\u00ff', 'latin1'),
      },
    ];
    world.clock.advance(60_000);
    return { world, exportId, command: AssembleAccountExportCommand.create({ accountId: ACCOUNT_ID, exportId }) };
  }

  it('puts every part in one ZIP whose manifest gives each file’s size and SHA-256, and announces the link', async () => {
    const { world, exportId, command } = await requested();
    const uow = new RecordingUnitOfWork(world.clock);
    await world.assemble.execute(command, uow);

    const row = world.exports.rows.get(exportId)!;
    expect(row).toMatchObject({
      status: 'ready',
      readyAt: new Date('2026-11-27T09:31:00Z'),
      expiresAt: new Date('2026-12-04T09:31:00Z'),
    });
    const entries = readZip(row.archive!);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ExportManifest;
    expect(manifest).toMatchObject({ format: 'obolus-account-export/1', accountId: ACCOUNT_ID, exportId });
    expect(manifest.files.map((file) => file.path)).toEqual([
      'identity/account.json',
      'identity/users.json',
      'identity/audit-log.json',
      'subscriptions/subscriptions.json',
      'invoicing/invoices/OBRO-2026-000001.pdf',
    ]);
    for (const file of manifest.files) {
      expect(entries.get(file.path)!.length).toBe(file.size);
      expect(sha256(entries.get(file.path)!)).toBe(file.sha256);
    }
    expect(JSON.parse(entries.get('identity/users.json')!.toString('utf8'))).toEqual([
      expect.objectContaining({ id: OWNER_ID, email: OWNER_EMAIL, role: 'owner' }),
    ]);
    expect(entries.get('identity/users.json')!.toString('utf8')).not.toContain('plain:right');
    expect(row.sha256).toBe(sha256(row.archive!));

    const [ready] = uow.dataOf(AccountExportReadyV1);
    expect(ready).toMatchObject({
      accountId: ACCOUNT_ID,
      exportId,
      ownerEmail: OWNER_EMAIL,
      locale: 'ro',
      expiresAt: '2026-12-04T09:31:00.000Z',
      fileCount: 6,
      sizeBytes: row.archive!.length,
    });
    const link = new URL(ready!.downloadUrl);
    expect(link.origin + link.pathname).toBe(`https://app.obolus.test/api/identity/account-exports/${exportId}/download`);
    expect(await world.tokens.verify(link.searchParams.get('token')!)).toEqual({ accountId: ACCOUNT_ID, exportId });
  });

  it('does nothing when run again once ready', async () => {
    const { world, command } = await requested();
    await world.assemble.execute(command, new RecordingUnitOfWork(world.clock));
    const again = new RecordingUnitOfWork(world.clock);
    await world.assemble.execute(command, again);
    expect(again.emitted).toHaveLength(0);
  });

  it('leaves the export pending, to run again, while a service does not answer', async () => {
    const { world, exportId, command } = await requested();
    world.sources.failure = new TransientEventError('invoicing did not answer');
    const uow = new RecordingUnitOfWork(world.clock);
    await expect(world.assemble.execute(command, uow)).rejects.toBeInstanceOf(TransientEventError);
    expect(world.exports.rows.get(exportId)!.status).toBe('pending');
    expect(uow.emitted).toHaveLength(0);
  });
});
