import { context } from '@opentelemetry/api';
import { CloudEvent, assertEventData, EventContract, EventData } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { captureTraceHeaders } from './trace-context';

export interface NewEvent<C extends EventContract> {
  accountId: string;
  data: EventData<C>;
  subject?: string;
  /** A deterministic id makes the append idempotent (the outbox refuses a second row with it). */
  id?: string;
}

/**
 * Appends events to the service's outbox inside the caller's transaction: the event exists if and
 * only if the state change it describes was committed. The relay publishes it later.
 */
export class OutboxWriter {
  constructor(
    private readonly schema: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append<C extends EventContract>(manager: EntityManager, contract: C, event: NewEvent<C>): Promise<CloudEvent<EventData<C>>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox append of ${contract.type} outside a transaction: the event could outlive a rollback`);
    }
    assertEventData(contract, event.data);
    const trace = captureTraceHeaders(context.active());
    const envelope: CloudEvent<EventData<C>> = {
      specversion: '1.0',
      id: event.id ?? randomUUID(),
      source: contract.source,
      type: contract.type,
      ...(event.subject ? { subject: event.subject } : {}),
      time: this.now().toISOString(),
      datacontenttype: 'application/json',
      accountid: event.accountId,
      ...trace,
      data: event.data,
    };
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, topic, message_key, event_type, envelope, headers)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.id, contract.topic, event.accountId, contract.type, JSON.stringify(envelope), JSON.stringify(trace)],
    );
    return envelope;
  }
}
