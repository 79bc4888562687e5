/**
 * Kafka topics: one per aggregate stream, versioned. The message key is the account id (the test
 * clock id on the test-clock topics), so one account's events keep their order. Every topic has a dead-letter twin, `<topic>.dlq`.
 */
export const Topics = {
  identityAccount: 'identity.account.v1',
  identityUser: 'identity.user.v1',
  /** Events carrying single-use secrets (reset and invitation links): readable by notifications only. */
  identityCredentials: 'identity.credentials.v1',
  /** Ended sign-in sessions: every service's token guard reads it to refuse their access tokens. */
  identitySession: 'identity.session.v1',
  notificationsDelivery: 'notifications.delivery.v1',
  subscriptionsSubscription: 'subscriptions.subscription.v1',
  invoicingInvoice: 'invoicing.invoice.v1',
  paymentsPayment: 'payments.payment.v1',
  efacturaDocument: 'efactura.document.v1',
  /** Test clocks created and moved (subscriptions owns them): every service consumes it. Key: the clock id. */
  subscriptionsTestClock: 'subscriptions.test-clock.v1',
  /** Each service's report that it ran a test clock's due work. Key: the clock id. */
  platformTestClock: 'platform.test-clock.v1',
  /** Staff actions on a customer's account, from whichever service took them; identity keeps them in the audit log. */
  platformStaffAction: 'platform.staff-action.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
