import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

/** Must match PINNED_TRACEPARENT_HEADER in libs/messaging (kept here so this file loads nothing of ours). */
const PINNED_TRACEPARENT_HEADER = 'obolus-traceparent';

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK. It must run before Nest, pg, kafkajs or http are first required,
 * which is why services start with `node --require @obolus/observability/register`.
 * Traces go to OTLP/HTTP at OTEL_EXPORTER_OTLP_ENDPOINT; with no endpoint set, no exporter runs.
 */
export function startTelemetry(serviceName: string): void {
  if (sdk) return;
  // Obolus exports traces only; unless asked for, the SDK must not start metric or log exporters
  // (they would try a collector on localhost and hold the shutdown until they time out).
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const spanProcessors: SpanProcessor[] = [];
  const tracesOff = process.env.OTEL_TRACES_EXPORTER === 'none' || process.env.OTEL_SDK_DISABLED === 'true';
  if (!tracesOff && (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) {
    spanProcessors.push(
      new BatchSpanProcessor(new OTLPTraceExporter(), {
        scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 1000),
      }),
    );
  }
  sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? serviceName,
      [ATTR_SERVICE_VERSION]: process.env.OBOLUS_VERSION ?? '0.1.0',
    }),
    spanProcessors,
    instrumentations: [
      new HttpInstrumentation({
        // Health probes would otherwise fill the trace store.
        ignoreIncomingRequestHook: (request) => request.url === '/health',
      }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      // Polling queries of the outbox relay have no parent and must not each start a trace.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation({
        producerHook: (_span, { message }) => {
          // The outbox relay sends many traces in one batch and pins each message's own context;
          // restore it over the batch's context that the instrumentation just injected.
          const pinned = message.headers?.[PINNED_TRACEPARENT_HEADER];
          if (pinned !== undefined && message.headers) {
            message.headers.traceparent = Array.isArray(pinned) ? pinned[0] : pinned;
          }
        },
      }),
    ],
  });
  sdk.start();
}

/** Flushes and stops the SDK; call after the application closed, before the process exits. */
export async function shutdownTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  if (!running) return;
  // A collector that does not answer must not keep a stopping service alive.
  await Promise.race([running.shutdown().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
}
