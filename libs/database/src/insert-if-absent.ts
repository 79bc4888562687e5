import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts the row unless one with the same key is already there (a redelivered event, a retried
 * request): `INSERT … ON CONFLICT DO NOTHING RETURNING`. True when this call inserted it, so the caller
 * emits its follow-up event once.
 */
export async function insertIfAbsent<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const keys = manager.connection.getMetadata(entity).primaryColumns.map((column) => column.databaseName);
  // A copy: TypeORM writes the returned columns back into the values it was given.
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({ ...values })
    .orIgnore()
    .returning(keys)
    .execute();
  return (result.raw as unknown[]).length > 0;
}
