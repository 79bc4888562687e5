import { assertEventData, CloudEvent, EventContract, EventData } from '@obolus/contracts';
import { NewEvent, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * A unit of work for unit specs: no database, and the events a use case emits are checked against
 * their contract and kept in order, so a spec asserts what integrators would receive. A use case that
 * reaches `manager` itself (instead of a repository) fails loudly.
 */
export class RecordingUnitOfWork implements UnitOfWork {
  readonly emitted: CloudEvent[] = [];

  readonly manager = new Proxy({} as EntityManager, {
    get: (_target, property) => {
      throw new Error(
        `a unit spec reached the database (manager.${String(property)}): give the use case an in-memory repository`,
      );
    },
  });

  constructor(private readonly clock: Clock = new SettableClock()) {}

  async emit<C extends EventContract>(contract: C, event: NewEvent<C>): Promise<CloudEvent<EventData<C>>> {
    const [envelope] = await this.emitMany(contract, [event]);
    return envelope!;
  }

  async emitMany<C extends EventContract>(contract: C, events: NewEvent<C>[]): Promise<CloudEvent<EventData<C>>[]> {
    return events.map((event) => {
      assertEventData(contract, event.data);
      const envelope: CloudEvent<EventData<C>> = {
        specversion: '1.0',
        id: event.id ?? randomUUID(),
        source: contract.source,
        type: contract.type,
        ...(event.subject ? { subject: event.subject } : {}),
        time: this.clock.now().toISOString(),
        datacontenttype: 'application/json',
        accountid: event.accountId,
        data: event.data,
      };
      this.emitted.push(envelope as CloudEvent);
      return envelope;
    });
  }

  /** The data of every event of this type emitted so far, in order. */
  dataOf<C extends EventContract>(contract: C): EventData<C>[] {
    return this.emitted.filter((e) => e.type === contract.type).map((e) => e.data as EventData<C>);
  }
}

/** A clock a spec sets and moves by hand. */
export class SettableClock extends Clock {
  constructor(private current: Date = new Date('2026-03-02T09:00:00.000Z')) {
    super();
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
