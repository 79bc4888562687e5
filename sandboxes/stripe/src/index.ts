export { DEFAULT_API_VERSION, startStripeSandbox, type StripeSandbox, type StripeSandboxOptions } from './server';
export { signatureHeader, type Delivery, type DeliveryAttempt } from './webhooks';
