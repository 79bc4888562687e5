import { CloudEvent, EventContract, EventData } from '@obolus/contracts';
import { EntityManager } from 'typeorm';
import { NewEvent } from './outbox-writer';

/** What a handler gets besides the event: its transaction, and a way to emit follow-up events in it. */
export interface EventHandlerContext {
  /** The handler's transaction; the inbox row is written in it, so its effects and the dedup commit together. */
  manager: EntityManager;
  /** Appends a follow-up event to this service's outbox, in the same transaction. */
  emit<C extends EventContract>(contract: C, event: NewEvent<C>): Promise<CloudEvent<EventData<C>>>;
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try. */
  attempt: number;
}

export type EventHandler<T = unknown> = (event: CloudEvent<T>, context: EventHandlerContext) => Promise<void> | void;

export interface EventHandlerRegistration {
  contract: EventContract;
  handle: EventHandler;
}

/** Thrown by a handler for an event that no retry can fix: it goes to the dead-letter topic at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
