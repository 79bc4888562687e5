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

  async append<C extends EventContract>(
    manager: EntityManager,
    contract: C,
    event: NewEvent<C>,
  ): Promise<CloudEvent<EventData<C>>> {
    const [envelope] = await this.appendMany(manager, contract, [event]);
    return envelope!;
  }

  /** Several events of one type in one statement, in the given order. */
  async appendMany<C extends EventContract>(
    manager: EntityManager,
    contract: C,
    events: NewEvent<C>[],
  ): Promise<CloudEvent<EventData<C>>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox append of ${contract.type} outside a transaction: the event could outlive a rollback`);
    }
    for (const event of events) assertEventData(contract, event.data);
    const trace = captureTraceHeaders(context.active());
    const time = this.now().toISOString();
    const envelopes: CloudEvent<EventData<C>>[] = events.map((event) => ({
      specversion: '1.0',
      id: event.id ?? randomUUID(),
      source: contract.source,
      type: contract.type,
      ...(event.subject ? { subject: event.subject } : {}),
      time,
      datacontenttype: 'application/json',
      accountid: event.accountId,
      ...trace,
      data: event.data,
    }));
    // unnest keeps the array order, and seq follows it: a key's events stay in the order given.
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, topic, message_key, event_type, envelope, headers)
       SELECT event_id, $1, message_key, $2, envelope, $3::jsonb
         FROM unnest($4::uuid[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS e(event_id, message_key, envelope, ord)
        ORDER BY ord`,
      [
        contract.topic,
        contract.type,
        JSON.stringify(trace),
        envelopes.map((e) => e.id),
        envelopes.map((e) => e.accountid),
        envelopes.map((e) => JSON.stringify(e)),
      ],
    );
    return envelopes;
  }
}
