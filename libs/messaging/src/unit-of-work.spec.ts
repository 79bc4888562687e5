import { DomainError } from '@obolus/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxWriter } from './outbox-writer';
import { UnitOfWorkRunner } from './unit-of-work';

class Refusal extends DomainError<'REFUSED'> {
  constructor() {
    super('REFUSED', 'refused', [], 'unauthenticated');
  }
}

/** A data source whose transactions keep their writes only when the callback resolves, like Postgres. */
function recordingDataSource(): { dataSource: DataSource; committed: string[] } {
  const committed: string[] = [];
  const dataSource = {
    async transaction(callback: (manager: EntityManager) => Promise<unknown>) {
      const pending: string[] = [];
      const manager = { write: (row: string) => pending.push(row) } as unknown as EntityManager;
      const result = await callback(manager);
      committed.push(...pending);
      return result;
    },
  } as unknown as DataSource;
  return { dataSource, committed };
}

const write = (manager: EntityManager, row: string) => (manager as unknown as { write(row: string): void }).write(row);

describe('UnitOfWorkRunner', () => {
  it('commits what the work wrote when it resolves, and keeps nothing when it throws', async () => {
    const { dataSource, committed } = recordingDataSource();
    const runner = new UnitOfWorkRunner(dataSource, new OutboxWriter('test'));
    await expect(runner.run(async ({ manager }) => (write(manager, 'kept'), 'answer'))).resolves.toBe('answer');
    await expect(
      runner.run(async ({ manager }) => {
        write(manager, 'lost');
        throw new Refusal();
      }),
    ).rejects.toBeInstanceOf(Refusal);
    expect(committed).toEqual(['kept']);
  });

  it('commits the work before answering a refusal marked committingWork (a failed sign-in still counts)', async () => {
    const { dataSource, committed } = recordingDataSource();
    const runner = new UnitOfWorkRunner(dataSource, new OutboxWriter('test'));
    await expect(
      runner.run(async ({ manager }) => {
        write(manager, 'failure counted');
        throw new Refusal().committingWork();
      }),
    ).rejects.toMatchObject({ code: 'REFUSED', commitsWork: true });
    expect(committed).toEqual(['failure counted']);
  });
});
