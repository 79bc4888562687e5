import { EventContract } from './event-contract';
import { UserJoinedV1, UserRemovedV1 } from './identity/events';
import { CreditNoteIssuedV1, InvoiceIssuedV1, InvoiceOverdueV1, ProformaIssuedV1 } from './invoicing/events';
import { PaymentFailedV1, PaymentRefundedV1, PaymentSucceededV1 } from './payments/events';
import {
  EfacturaAuthorizationLostV1,
  EfacturaDeadlineApproachingV1,
  EfacturaDeadlineMissedV1,
  EfacturaDocumentValidatedV1,
  EfacturaIncomingReceivedV1,
  EfacturaSubmissionAcceptedV1,
  EfacturaSubmissionRejectedV1,
} from './efactura/events';
import {
  EntitlementsChangedV1,
  SubscriptionActivatedV1,
  SubscriptionBlockedV1,
  SubscriptionChangedV1,
  SubscriptionDowngradedV1,
  SubscriptionExpiredV1,
  SubscriptionExpiringV1,
  TrialEndedV1,
  TrialEndingV1,
  TrialStartedV1,
} from './subscriptions/events';

/**
 * The events offered to outside integrators as HTTPS webhooks, each under its public name: the CloudEvents
 * type without the `obolus.<service>.` prefix and the version (`obolus.invoicing.invoice.issued.v1` is
 * `invoice.issued`). Every one names the account it concerns in `data.accountId`. Internal steps (a draft
 * asking for payment, a renewal falling due), secrets (password resets, invitation links) and test-clock
 * plumbing are not offered.
 */
export const webhookEventContracts: readonly EventContract[] = [
  TrialStartedV1,
  TrialEndingV1,
  TrialEndedV1,
  SubscriptionActivatedV1,
  SubscriptionChangedV1,
  SubscriptionExpiringV1,
  SubscriptionExpiredV1,
  SubscriptionDowngradedV1,
  SubscriptionBlockedV1,
  EntitlementsChangedV1,
  InvoiceIssuedV1,
  CreditNoteIssuedV1,
  ProformaIssuedV1,
  InvoiceOverdueV1,
  PaymentSucceededV1,
  PaymentFailedV1,
  PaymentRefundedV1,
  EfacturaDocumentValidatedV1,
  EfacturaSubmissionAcceptedV1,
  EfacturaSubmissionRejectedV1,
  EfacturaDeadlineApproachingV1,
  EfacturaDeadlineMissedV1,
  EfacturaAuthorizationLostV1,
  EfacturaIncomingReceivedV1,
  UserJoinedV1,
  UserRemovedV1,
];

/** `obolus.invoicing.invoice.issued.v1` → `invoice.issued`. */
export function webhookNameOf(contract: Pick<EventContract, 'type'>): string {
  const match = /^obolus\.[a-z-]+\.(.+)\.v\d+$/.exec(contract.type);
  if (!match) throw new Error(`event type '${contract.type}' has no webhook name`);
  return match[1];
}

/** The public names an endpoint may subscribe to, in catalog order. */
export const WEBHOOK_EVENT_NAMES: readonly string[] = webhookEventContracts.map(webhookNameOf);

/** The offered contract of a public name; undefined for a name that is not offered. */
export function webhookContractOf(name: string): EventContract | undefined {
  return webhookEventContracts.find((contract) => webhookNameOf(contract) === name);
}

/** The public name of an offered CloudEvents type; undefined when the type is not offered as a webhook. */
export function webhookNameOfType(type: string): string | undefined {
  const contract = webhookEventContracts.find((candidate) => candidate.type === type);
  return contract ? webhookNameOf(contract) : undefined;
}
