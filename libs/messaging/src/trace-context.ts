import { Context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C trace context, read and written with the W3C propagator itself rather than the global one,
 * so the outbox keeps a request's trace even in a process where no SDK is registered.
 */
const w3c = new W3CTraceContextPropagator();

export type TraceHeaders = { traceparent?: string; tracestate?: string };

export function captureTraceHeaders(context: Context): TraceHeaders {
  const carrier: Record<string, string> = {};
  if (trace.getSpanContext(context)) w3c.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

export function contextFromTraceHeaders(headers: TraceHeaders | undefined): Context {
  if (!headers?.traceparent) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/**
 * The kafkajs instrumentation rewrites `traceparent` from whatever context is active when a batch is
 * sent. The relay sends one batch for many traces, so it pins each message's own trace context under
 * this header too; the observability library's producer hook puts it back (see libs/observability).
 */
export const PINNED_TRACEPARENT_HEADER = 'obolus-traceparent';
