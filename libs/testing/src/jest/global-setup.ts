import { databaseNameOf, OBOLUS_SERVICES, provisionServiceDatabases, withDatabase } from '@obolus/database';
import { Client } from 'pg';
import { startTestInfrastructure } from '../infrastructure';

const PREFIX = 'obolus_test_';

/**
 * Once per Jest run: a real broker and a fresh database of this run's own, with every service's schema
 * and role. Concurrent runs (two developers' suites on one machine) never share or drop each other's
 * database. The variables set here are inherited by the test workers.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await startTestInfrastructure();
  const adminUrl =
    process.env.OBOLUS_TEST_DATABASE_URL ?? withDatabase(infrastructure.databaseAdminUrl, `${PREFIX}${process.pid}`);
  await dropAbandonedTestDatabases(adminUrl);
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.DATABASE_ADMIN_URL = adminUrl;
  process.env.OBOLUS_TEST_DATABASE_URL = adminUrl;
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES, recreate: true });
  (globalThis as { __obolusInfrastructure?: unknown }).__obolusInfrastructure = infrastructure;
}

/** Databases of earlier runs whose process is gone (killed before its teardown). */
async function dropAbandonedTestDatabases(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length));
      if (datname === databaseNameOf(adminUrl) || !Number.isInteger(pid) || processAlive(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
