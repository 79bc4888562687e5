import { EventContract } from './event-contract';
import {
  AccountClosureRequestedV1,
  AccountCreatedV1,
  AccountExportReadyV1,
  AccountPurgedV1,
  PasswordResetRequestedV1,
  SessionRevokedV1,
  UserInvitedV1,
  UserJoinedV1,
  UserRemovedV1,
} from './identity/events';
import { NotificationDeliveredV1, WebhookEndpointFailingV1 } from './notifications/events';
import {
  EntitlementsChangedV1,
  SubscriptionActivatedV1,
  SubscriptionBlockedV1,
  SubscriptionChangedV1,
  SubscriptionDowngradedV1,
  SubscriptionExpiredV1,
  SubscriptionExpiringV1,
  SubscriptionRenewalDueV1,
  TrialEndedV1,
  TrialEndingV1,
  TrialStartedV1,
} from './subscriptions/events';
import { TestClockAdvancedV1, TestClockCaughtUpV1, TestClockCreatedV1 } from './subscriptions/test-clock-events';
import {
  CreditNoteIssuedV1,
  InvoiceIssuedV1,
  InvoiceOverdueV1,
  InvoicePaymentRequestedV1,
  ProformaIssuedV1,
} from './invoicing/events';
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
import { StaffActionTakenV1 } from './staff/events';

/** Every event Obolus publishes. The AsyncAPI document and consumers' schema checks come from this list. */
export const eventCatalog: readonly EventContract[] = [
  AccountCreatedV1,
  UserJoinedV1,
  UserRemovedV1,
  UserInvitedV1,
  PasswordResetRequestedV1,
  AccountClosureRequestedV1,
  AccountExportReadyV1,
  AccountPurgedV1,
  SessionRevokedV1,
  NotificationDeliveredV1,
  WebhookEndpointFailingV1,
  TrialStartedV1,
  SubscriptionActivatedV1,
  TrialEndingV1,
  TrialEndedV1,
  SubscriptionDowngradedV1,
  SubscriptionBlockedV1,
  SubscriptionRenewalDueV1,
  SubscriptionChangedV1,
  SubscriptionExpiringV1,
  SubscriptionExpiredV1,
  EntitlementsChangedV1,
  InvoicePaymentRequestedV1,
  ProformaIssuedV1,
  PaymentSucceededV1,
  PaymentFailedV1,
  PaymentRefundedV1,
  InvoiceIssuedV1,
  CreditNoteIssuedV1,
  InvoiceOverdueV1,
  EfacturaDocumentValidatedV1,
  EfacturaSubmissionAcceptedV1,
  EfacturaSubmissionRejectedV1,
  EfacturaDeadlineApproachingV1,
  EfacturaDeadlineMissedV1,
  EfacturaAuthorizationLostV1,
  EfacturaIncomingReceivedV1,
  TestClockCreatedV1,
  TestClockAdvancedV1,
  TestClockCaughtUpV1,
  StaffActionTakenV1,
];

const byType = new Map(eventCatalog.map((contract) => [contract.type, contract]));

export function findEventContract(type: string): EventContract | undefined {
  return byType.get(type);
}

export function catalogTopics(): string[] {
  return [...new Set(eventCatalog.map((contract) => contract.topic))].sort();
}
