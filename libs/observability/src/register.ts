// Loaded with `node --require` before the service's own code: instrumentation must patch modules first.
import { startTelemetry } from './telemetry';

startTelemetry(process.env.OTEL_SERVICE_NAME ?? process.env.OBOLUS_SERVICE ?? 'obolus');
