import { Type, Static } from '@sinclair/typebox';

/**
 * The CloudEvents 1.0 structured-mode JSON envelope every Obolus event travels in.
 * `accountid` is an extension attribute: the tenant, also used as the Kafka message key.
 * `traceparent` is the CloudEvents distributed-tracing extension (W3C trace context).
 */
export const CloudEventEnvelope = Type.Object({
  specversion: Type.Literal('1.0'),
  id: Type.String({ minLength: 1 }),
  source: Type.String({ minLength: 1 }),
  type: Type.String({ minLength: 1 }),
  subject: Type.Optional(Type.String()),
  time: Type.String({ format: 'date-time' }),
  datacontenttype: Type.Literal('application/json'),
  accountid: Type.String({ minLength: 1 }),
  traceparent: Type.Optional(Type.String()),
  tracestate: Type.Optional(Type.String()),
  data: Type.Unknown(),
});

export type CloudEvent<T = unknown> = Omit<Static<typeof CloudEventEnvelope>, 'data'> & { data: T };
