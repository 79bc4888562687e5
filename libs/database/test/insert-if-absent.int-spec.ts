import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { insertIfAbsent, serviceConnectionUrl } from '../src';

@Entity({ schema: 'efactura_gateway', name: 'insert_if_absent_probe' })
class ProbeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ type: 'text' }) note!: string;
}

describe('insertIfAbsent (real Postgres)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'efactura-gateway'),
      entities: [ProbeEntity],
    }).initialize();
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS efactura_gateway.insert_if_absent_probe (id uuid PRIMARY KEY, due_on date NOT NULL, note text NOT NULL)`,
    );
  });

  afterAll(async () => {
    await dataSource.query('DROP TABLE IF EXISTS efactura_gateway.insert_if_absent_probe');
    await dataSource.destroy();
  });

  it('inserts once, answers false for the same key again, and leaves the values it was given as they were', async () => {
    const row: ProbeEntity = { id: randomUUID(), dueOn: '2026-12-04', note: 'first' };
    await expect(dataSource.transaction((manager) => insertIfAbsent(manager, ProbeEntity, row))).resolves.toBe(true);
    // An event is built from this object after the insert: a date column must still be the string it was.
    expect(row).toEqual({ id: row.id, dueOn: '2026-12-04', note: 'first' });
    await expect(
      dataSource.transaction((manager) => insertIfAbsent(manager, ProbeEntity, { ...row, note: 'again' })),
    ).resolves.toBe(false);
    const stored = await dataSource.query(`SELECT note FROM efactura_gateway.insert_if_absent_probe WHERE id = $1`, [row.id]);
    expect(stored).toEqual([{ note: 'first' }]);
  });
});
