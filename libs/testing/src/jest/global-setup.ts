import { OBOLUS_SERVICES, provisionServiceDatabases } from '@obolus/database';
import { startTestInfrastructure } from '../infrastructure';

/**
 * Once per Jest run: a real broker and a fresh test database with every service's schema and role.
 * The variables set here are inherited by the test workers.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await startTestInfrastructure();
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.DATABASE_ADMIN_URL = infrastructure.databaseAdminUrl;
  await provisionServiceDatabases({ adminUrl: infrastructure.databaseAdminUrl, services: OBOLUS_SERVICES, recreate: true });
  (globalThis as { __obolusInfrastructure?: unknown }).__obolusInfrastructure = infrastructure;
}
