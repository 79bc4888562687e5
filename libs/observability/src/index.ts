export * from './logger';
export { shutdownTelemetry, startTelemetry } from './telemetry';
