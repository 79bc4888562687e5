import { MigrationInterface, QueryRunner } from 'typeorm';
import { ScheduledJobs1795737600000 } from './schedules/schedules.migration';

/** The outbox and inbox tables, in the schema of the service whose migrations include this class. */
export class MessagingTables1732233600000 implements MigrationInterface {
  name = 'MessagingTables1732233600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".outbox (
        seq          bigserial PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        event_type   text NOT NULL,
        envelope     jsonb NOT NULL,
        headers      jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION "${schema}".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${outboxChannel(schema)}', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".outbox_notify()`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".inbox (
        consumer     text NOT NULL,
        event_id     text NOT NULL,
        event_type   text NOT NULL,
        topic        text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".inbox`);
    await queryRunner.query(`DROP TRIGGER outbox_notify ON "${schema}".outbox`);
    await queryRunner.query(`DROP FUNCTION "${schema}".outbox_notify()`);
    await queryRunner.query(`DROP TABLE "${schema}".outbox`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the data source has no schema: messaging tables live in the service schema');
  return schema;
}

/** The LISTEN/NOTIFY channel that wakes the relay of a schema's outbox. */
export const outboxChannel = (schema: string): string => `obolus_outbox_${schema}`;

/** Records the relay sets aside (never sendable), and an index that keeps claiming cheap. */
export class OutboxSetAside1764201600000 implements MigrationInterface {
  name = 'OutboxSetAside1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".outbox ADD COLUMN set_aside_at timestamptz, ADD COLUMN set_aside_reason text`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_set_aside_idx ON "${schema}".outbox (topic, message_key, seq) WHERE set_aside_at IS NOT NULL AND published_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}".outbox_set_aside_idx`);
    await queryRunner.query(`ALTER TABLE "${schema}".outbox DROP COLUMN set_aside_reason, DROP COLUMN set_aside_at`);
  }
}

/** Every migration of the messaging tables, in order: a service's data source runs these first. */
export const MESSAGING_MIGRATIONS = [MessagingTables1732233600000, OutboxSetAside1764201600000, ScheduledJobs1795737600000];
