import { TemplateName } from './templates';

/** What an event means for the people of an account: its own e-mail, or why it owes none. */
export type NoticeOfEvent = { template: TemplateName } | { coveredBy: TemplateName; why: string } | { internal: string };

/**
 * Every event type of the catalog, classified. A new event type fails the coverage spec until it is
 * placed here: a customer-facing one needs a template in fr, ro and en.
 */
export const NOTICES: Readonly<Record<string, NoticeOfEvent>> = {
  'obolus.identity.account.created.v1': { template: 'welcome' },
  'obolus.identity.user.invited.v1': { template: 'user-invited' },
  'obolus.identity.credentials.password-reset-requested.v1': { template: 'password-reset' },
  'obolus.identity.account.closure-requested.v1': { template: 'account-closed' },
  'obolus.identity.account.export-ready.v1': { template: 'export-ready' },
  'obolus.identity.account.purged.v1': {
    internal: "every service deletes the account's personal data; the owner was told the date at closure",
  },
  'obolus.identity.user.joined.v1': { internal: 'the user joined by accepting an invitation, on the page that confirms it' },
  'obolus.identity.user.removed.v1': { internal: 'an owner or admin removed the user, in the portal that confirms it' },
  'obolus.identity.session.revoked.v1': { internal: 'security plumbing between services (tokens refused at once)' },
  'obolus.notifications.delivery.delivered.v1': { internal: 'the record that a notice was sent' },
  'obolus.notifications.webhook-endpoint.failing.v1': { template: 'webhook-endpoint-failing' },
  'obolus.subscriptions.subscription.trial-started.v1': { coveredBy: 'welcome', why: 'the welcome e-mail says the trial starts' },
  'obolus.subscriptions.subscription.activated.v1': {
    coveredBy: 'invoice-issued',
    why: 'a purchase is confirmed by its paid invoice',
  },
  'obolus.subscriptions.subscription.trial-ending.v1': { template: 'trial-ending' },
  'obolus.subscriptions.subscription.trial-ended.v1': { template: 'trial-ended' },
  'obolus.subscriptions.subscription.downgraded.v1': {
    coveredBy: 'trial-ended',
    why: 'a trial or a prepaid period running out is told by trial-ended or subscription-expired; a downgrade the owner asked for was confirmed when asked',
  },
  'obolus.subscriptions.subscription.blocked.v1': {
    coveredBy: 'trial-ended',
    why: 'the trial-ended e-mail of a catalog without a free edition says the account is blocked',
  },
  'obolus.subscriptions.subscription.renewal-due.v1': { internal: 'subscriptions asks invoicing to bill a period' },
  'obolus.subscriptions.subscription.changed.v1': {
    internal: "the owner's own change of seats or edition, answered by the API; its invoice follows",
  },
  'obolus.subscriptions.subscription.expiring.v1': { template: 'subscription-expiring' },
  'obolus.subscriptions.subscription.expired.v1': { template: 'subscription-expired' },
  'obolus.subscriptions.entitlements.changed.v1': { internal: "for integrators' read models (webhooks and Kafka)" },
  'obolus.invoicing.invoice.payment-requested.v1': { internal: 'invoicing asks payments to collect a draft' },
  'obolus.payments.payment.succeeded.v1': { coveredBy: 'invoice-issued', why: 'the paid invoice follows the payment' },
  'obolus.payments.payment.failed.v1': { template: 'payment-failed' },
  'obolus.invoicing.invoice.issued.v1': { template: 'invoice-issued' },
  'obolus.invoicing.credit-note.issued.v1': { template: 'credit-note-issued' },
  'obolus.invoicing.proforma.issued.v1': { template: 'proforma-issued' },
  'obolus.invoicing.invoice.overdue.v1': { template: 'unpaid-reminder' },
  'obolus.payments.payment.refunded.v1': {
    coveredBy: 'credit-note-issued',
    why: 'the credit note that follows a refund says what was refunded, with its PDF',
  },
  'obolus.efactura.document.validated.v1': { internal: 'the XML passed the official rules; ANAF upload follows' },
  'obolus.efactura.submission.accepted.v1': {
    internal: "the expected outcome, shown on the invoice's submission; nothing to do",
  },
  'obolus.efactura.submission.rejected.v1': { template: 'efactura-rejected' },
  'obolus.efactura.deadline.approaching.v1': { template: 'efactura-deadline-approaching' },
  'obolus.efactura.deadline.missed.v1': {
    coveredBy: 'efactura-deadline-approaching',
    why: 'the owner and staff were told 2 and 1 working days before; the miss is recorded on the document and offered as a webhook',
  },
  'obolus.efactura.authorization.lost.v1': { template: 'efactura-authorization-lost' },
  'obolus.efactura.incoming.received.v1': { template: 'supplier-invoice-received' },
  'obolus.subscriptions.test-clock.created.v1': { internal: 'test clocks, for tests and sandboxes' },
  'obolus.subscriptions.test-clock.advanced.v1': { internal: 'test clocks, for tests and sandboxes' },
  'obolus.platform.test-clock.caught-up.v1': { internal: 'test clocks, for tests and sandboxes' },
  'obolus.platform.staff.action-taken.v1': { internal: "the staff audit trail, kept in the account's audit log by identity" },
};

/**
 * The notices a user may mute for themselves. The others are legal, financial or security notices
 * (invoices, failed payments, closure, password resets, invitations) and are always sent.
 */
export const MUTABLE_TEMPLATES: readonly TemplateName[] = [
  'trial-ending',
  'trial-ended',
  'subscription-expiring',
  'subscription-expired',
  'webhook-endpoint-failing',
];
