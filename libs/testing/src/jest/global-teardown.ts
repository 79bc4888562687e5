import { databaseNameOf, withDatabase } from '@obolus/database';
import { Client } from 'pg';
import { TestInfrastructure } from '../infrastructure';

export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __obolusInfrastructure?: TestInfrastructure }).__obolusInfrastructure;
  const adminUrl = process.env.OBOLUS_TEST_DATABASE_URL;
  if (adminUrl && databaseNameOf(adminUrl).startsWith('obolus_test_') && !process.env.OBOLUS_KEEP_TEST_DATABASE) {
    const client = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseNameOf(adminUrl)}" WITH (FORCE)`).catch(() => undefined);
    await client.end();
  }
  await infrastructure?.stop();
}
