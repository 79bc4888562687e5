import { AccountClocks, JobScheduler } from '@obolus/messaging';
import { ExportFile } from '@obolus/platform';
import { InMemoryAccountClocks, InMemoryJobScheduler, SettableClock } from '@obolus/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { AccountsRepository } from '../../accounts/accounts.repository';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../audit/test-support/in-memory-audit-log';
import { IdentityConfig } from '../../identity.config';
import { SigningKeys } from '../../tokens/signing-keys';
import { InMemoryUsers } from '../../users/test-support/in-memory-users';
import { UsersRepository } from '../../users/users.repository';
import { AccountExportsRepository } from '../account-exports.repository';
import { ExportDownloadLinks } from '../export-download-links';
import { ExportDownloadTokens } from '../export-download-tokens';
import { ExportSources } from '../export-sources';
import { IdentityExportPart } from '../identity-export-part';
import { AssembleAccountExportUseCase } from '../use-cases/assemble-account-export/assemble-account-export.use-case';
import { DownloadAccountExportUseCase } from '../use-cases/download-account-export/download-account-export.use-case';
import { GetAccountExportUseCase } from '../use-cases/get-account-export/get-account-export.use-case';
import { RequestAccountExportUseCase } from '../use-cases/request-account-export/request-account-export.use-case';
import { InMemoryAccountExports } from './in-memory-account-exports';

export const ACCOUNT_ID = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
export const OWNER_ID = '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11';
export const OWNER_EMAIL = 'owner@fabrica-stefanesti.ro';

const as = <T>(value: unknown): T => value as T;

/** The other services' parts, as they would answer; set `failure` to make them fail. */
export class FakeExportSources {
  files: ExportFile[] = [];
  failure?: Error;
  async partsOf(): Promise<ExportFile[]> {
    if (this.failure) throw this.failure;
    return this.files;
  }
}

/** Identity's export use cases wired to in-memory tables, a real signing key and a settable clock. */
export async function exportWorld() {
  const clock = new SettableClock(new Date('2026-11-27T09:30:00Z'));
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const config = {
    IDENTITY_SIGNING_KEY: JSON.stringify(await exportJWK(privateKey)),
    IDENTITY_PUBLIC_URL: 'https://app.obolus.test/api/identity',
    IDENTITY_EXPORT_LINK_TTL_HOURS: 168,
  } as IdentityConfig;
  const keys = await SigningKeys.fromConfig(config);
  const audit = new InMemoryAuditLog(() => clock.now());
  const accounts = new InMemoryAccounts(audit);
  accounts.seed(
    { id: ACCOUNT_ID, locale: 'ro', companyName: 'Fabrica de Pâine Ștefănești SRL' },
    { id: OWNER_ID, email: OWNER_EMAIL, passwordHash: 'plain:right' },
  );
  const exports = new InMemoryAccountExports();
  const jobs = new InMemoryJobScheduler();
  const accountClocks = new InMemoryAccountClocks(clock);
  const sources = new FakeExportSources();
  const tokens = new ExportDownloadTokens(keys, clock);
  const links = new ExportDownloadLinks(config, tokens);
  const users = new InMemoryUsers(accounts);
  const identityPart = new IdentityExportPart(
    as<AccountsRepository>(accounts),
    as<UsersRepository>(users),
    as<AuditLogRepository>(audit),
  );
  return {
    clock,
    config,
    audit,
    accounts,
    exports,
    jobs,
    accountClocks,
    sources,
    tokens,
    request: new RequestAccountExportUseCase(
      as<AccountsRepository>(accounts),
      as<AccountExportsRepository>(exports),
      as<JobScheduler>(jobs),
      accountClocks as AccountClocks,
      as<AuditLogRepository>(audit),
      clock,
    ),
    assemble: new AssembleAccountExportUseCase(
      config,
      as<AccountsRepository>(accounts),
      as<AccountExportsRepository>(exports),
      identityPart,
      as<ExportSources>(sources),
      links,
      as<AuditLogRepository>(audit),
      clock,
    ),
    get: new GetAccountExportUseCase(as<AccountExportsRepository>(exports), links, clock),
    download: new DownloadAccountExportUseCase(as<AccountExportsRepository>(exports), tokens),
  };
}
