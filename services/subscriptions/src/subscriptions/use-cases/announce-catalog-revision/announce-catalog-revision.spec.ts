import { EntitlementsChangedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { AnnounceCatalogRevisionCommand } from './announce-catalog-revision.command';
import { AnnounceCatalogRevisionUseCase } from './announce-catalog-revision.use-case';

describe('AnnounceCatalogRevisionUseCase (C6)', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'obolus-catalogs-'));
    cpSync(join(__dirname, '../../../catalog/catalogs'), directory, { recursive: true });
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  /** Staff raise fr-crm's document limit to 30 MB in the catalog data. */
  function changedCatalogs(): CatalogRegistry {
    const file = join(directory, 'fr-crm.json');
    const catalog = JSON.parse(readFileSync(file, 'utf8'));
    catalog.limits.documentMaxBytes = 30 * 1024 * 1024;
    writeFileSync(file, JSON.stringify(catalog));
    return CatalogRegistry.fromDirectory(directory);
  }

  it('announces the new limit to every account of the changed catalog, in batches, once, with a grown version', async () => {
    const accounts = new SubscribedAccounts();
    const fr = [await accounts.trial('fr-crm'), await accounts.trial('fr-crm'), await accounts.trial('fr-crm')];
    const ro = await accounts.trial('ro-crm');
    const registry = changedCatalogs();
    expect(registry.revisionOf('fr-crm')).not.toBe(accounts.catalogs.revisionOf('fr-crm'));
    expect(registry.revisionOf('ro-crm')).toBe(accounts.catalogs.revisionOf('ro-crm'));
    const announce = new AnnounceCatalogRevisionUseCase(registry, accounts.repository, new SettableClock());
    const before = new Map(fr.map((id) => [id, accounts.row(id).version]));

    const first = new RecordingUnitOfWork();
    expect(await announce.execute(AnnounceCatalogRevisionCommand.create({ catalog: 'fr-crm', batchSize: 2 }), first)).toBe(2);
    const second = new RecordingUnitOfWork();
    expect(await announce.execute(AnnounceCatalogRevisionCommand.create({ catalog: 'fr-crm', batchSize: 2 }), second)).toBe(1);
    const done = new RecordingUnitOfWork();
    expect(await announce.execute(AnnounceCatalogRevisionCommand.create({ catalog: 'fr-crm', batchSize: 2 }), done)).toBe(0);
    expect(await announce.execute(AnnounceCatalogRevisionCommand.create({ catalog: 'ro-crm', batchSize: 2 }), done)).toBe(0);
    expect(done.emitted).toHaveLength(0);

    const announced = [...first.dataOf(EntitlementsChangedV1), ...second.dataOf(EntitlementsChangedV1)];
    expect(announced.map((e) => e.accountId).sort()).toEqual([...fr].sort());
    for (const event of announced) {
      expect(event.limits.documentMaxBytes).toBe(30 * 1024 * 1024);
      expect(event.version).toBe(before.get(event.accountId)! + 1);
      expect(accounts.row(event.accountId).catalogRevision).toBe(registry.revisionOf('fr-crm'));
    }
    expect(accounts.row(ro).catalogRevision).toBe(registry.revisionOf('ro-crm'));
  });
});
