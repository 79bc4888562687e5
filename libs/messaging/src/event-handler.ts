import { CloudEvent, DomainError, ErrorKind, EventContract, FieldProblem } from '@obolus/contracts';
import { UnitOfWork } from './unit-of-work';

/**
 * What a handler gets besides the event: its unit of work (the inbox row is written in the same
 * transaction, so its effects and the dedup commit together) and where the message came from, for the
 * transport's own bookkeeping. Consumers pass the unit of work on to a use case and nothing else.
 */
export interface EventHandlerContext extends UnitOfWork {
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

/**
 * Thrown by a handler for an event that no retry can fix: it goes to the dead-letter topic at once.
 * A service subclasses it, with its own codes, for what its consumers must not retry. Any other
 * `DomainError` (a business refusal) is treated the same way, except one of kind `unavailable`.
 */
export class PermanentEventError<Code extends string = string> extends DomainError<Code> {
  constructor(message: string, code?: Code, fields: FieldProblem[] = [], kind: ErrorKind = 'unprocessable') {
    super(code ?? ('EVENT_REJECTED' as Code), message, fields, kind);
  }
}
