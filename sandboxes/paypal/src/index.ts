export { startPaypalSandbox, type ApprovalResult, type PaypalSandbox, type PaypalSandboxOptions } from './server';
export type { PayerDetails } from './orders';
export { TEST_PAYER_LOCAL_PARTS } from './test-values';
export type { Delivery, DeliveryAttempt, WebhookEndpoint } from './webhooks';
