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

  it('runs a read on one connection without a transaction, releases it even when the work throws, and refuses to emit', async () => {
    const released: string[] = [];
    let opened = 0;
    const dataSource = {
      transaction: () => Promise.reject(new Error('a read must not open a transaction')),
      createQueryRunner: () => {
        opened += 1;
        const name = `connection ${opened}`;
        return { manager: { name } as unknown as EntityManager, release: async () => void released.push(name) };
      },
    } as unknown as DataSource;
    const runner = new UnitOfWorkRunner(dataSource, new OutboxWriter('test'));
    await expect(runner.read(async ({ manager }) => (manager as unknown as { name: string }).name)).resolves.toBe('connection 1');
    await expect(runner.read(async () => Promise.reject(new Refusal()))).rejects.toBeInstanceOf(Refusal);
    await expect(
      runner.read((uow) => uow.emit({} as never, {} as never)),
    ).rejects.toThrow('a read-only unit of work cannot emit events');
    expect(released).toEqual(['connection 1', 'connection 2', 'connection 3']);
  });
});
