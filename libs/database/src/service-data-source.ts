import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { serviceDatabaseNames } from './service-database';

export interface ServiceDataSourceOptions {
  service: string;
  /** The service's own connection URL (its own role). */
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * A TypeORM data source bound to the service's schema. Never `synchronize`: the schema only
 * changes through the service's migrations, which run inside a transaction each.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { schema } = serviceDatabaseNames(options.service);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: `obolus-${options.service}`,
      options: `-c search_path=${schema}`,
    },
  });
}

/** Opens the data source and brings the schema up to date. */
export async function openServiceDataSource(dataSource: DataSource): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
