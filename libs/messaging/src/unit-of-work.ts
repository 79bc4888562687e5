import { CloudEvent, DomainError, EventContract, EventData } from '@obolus/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { NewEvent, OutboxWriter } from './outbox-writer';

/**
 * One transaction, and the events that commit with it. Every use case takes one, whoever calls it: an
 * HTTP controller through `UnitOfWorkRunner`, an event consumer (the inbox row is written in the same
 * transaction), a schedule, or a unit spec with an in-memory stand-in. Repositories take it too.
 */
export interface UnitOfWork {
  readonly manager: EntityManager;
  /** Appends an event to the service's outbox in this transaction: it is published only if the work commits. */
  emit<C extends EventContract>(contract: C, event: NewEvent<C>): Promise<CloudEvent<EventData<C>>>;
  /** Several events of one type, in order, in one statement. */
  emitMany<C extends EventContract>(contract: C, events: NewEvent<C>[]): Promise<CloudEvent<EventData<C>>[]>;
}

export function unitOfWork(manager: EntityManager, outbox: OutboxWriter): UnitOfWork {
  return {
    manager,
    emit: (contract, event) => outbox.append(manager, contract, event),
    emitMany: (contract, events) => outbox.appendMany(manager, contract, events),
  };
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Opens a transaction for a unit of work; it commits when the work resolves and rolls back when it
 * throws, except for a refusal marked `committingWork()`, which is thrown after the commit. One
 * connection per unit of work: work never opens a second one while it holds this one, so a burst
 * cannot take every pooled connection and wait for one more.
 */
export class UnitOfWorkRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    let refusal: DomainError | undefined;
    const inTransaction = async (manager: EntityManager): Promise<T | undefined> => {
      try {
        return await work(unitOfWork(manager, this.outbox));
      } catch (error) {
        if (!(error instanceof DomainError && error.commitsWork)) throw error;
        refusal = error;
        return undefined;
      }
    };
    const result = isolation
      ? await this.dataSource.transaction(isolation, inTransaction)
      : await this.dataSource.transaction(inTransaction);
    if (refusal) throw refusal;
    return result as T;
  }

  /**
   * Work that only reads: its queries run on one pooled connection, outside a transaction (one round
   * trip each, no BEGIN and COMMIT). Emitting from it is a programming error and throws. For answers
   * that one statement gives, such as "may account X do F?".
   */
  async read<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work({
        manager: runner.manager,
        emit: () => Promise.reject(new Error('a read-only unit of work cannot emit events')),
        emitMany: () => Promise.reject(new Error('a read-only unit of work cannot emit events')),
      });
    } finally {
      await runner.release();
    }
  }
}
