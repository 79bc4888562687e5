import { CloudEvent, EventContract, EventData } from '@obolus/contracts';
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

/** Opens a transaction for a unit of work; it commits when the work resolves and rolls back when it throws. */
export class UnitOfWorkRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (uow: UnitOfWork) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const inTransaction = (manager: EntityManager) => work(unitOfWork(manager, this.outbox));
    return isolation ? this.dataSource.transaction(isolation, inTransaction) : this.dataSource.transaction(inTransaction);
  }
}
