import {
  AccountCreatedV1,
  CloudEvent,
  Locale,
  CreditNoteIssuedV1,
  InvoiceIssuedV1,
  ProformaIssuedV1,
  InvoiceOverdueV1,
  PasswordResetRequestedV1,
  SubscriptionExpiringV1,
  TrialEndingV1,
  AccountClosureRequestedV1,
  AccountExportReadyV1,
  PaymentFailedV1,
  SubscriptionExpiredV1,
  TrialEndedV1,
  UserInvitedV1,
  WebhookEndpointFailingV1,
  EfacturaAuthorizationLostV1,
  EfacturaDeadlineApproachingV1,
  EfacturaIncomingReceivedV1,
  EfacturaSubmissionRejectedV1,
} from '@obolus/contracts';
import { createHash } from 'node:crypto';
import { htmlOf } from '../../email/html';
import { EmailAttachment } from '../../email/mailer';
import {
  isTemplateName,
  LocalizedData,
  localeOf,
  RenderedEmail,
  TEMPLATE_NAMES,
  TemplateData,
  TemplateName,
  templates,
} from '../../email/templates';
import { NotificationsError } from '../../notifications.errors';
import { RecordDeliveryInput } from '../use-cases/record-delivery/record-delivery.command';

/** A document to attach, known by reference; its owner serves the bytes. */
/**
 * A document's PDF that invoicing serves, by the id its event gave: an invoice, a credit note or a
 * proforma (`documentId` names the one `kind` says).
 */
export interface InvoicePdfReference {
  kind: 'invoice-pdf' | 'credit-note-pdf' | 'proforma-pdf';
  documentId: string;
  filename: string;
  sha256: string;
}

/** What a delivery sends: its text from the template, the same as HTML, its attachments as references. */
export interface ComposedEmail extends RenderedEmail {
  html: string;
  attachments: InvoicePdfReference[];
}

interface EmailOwed<T extends TemplateName> {
  /** The type of the event that owes this e-mail. */
  cause: string;
  recipients: (data: TemplateData[T]) => string[];
  /**
   * Why an event that names nobody owes no e-mail, for the events that may name nobody. Without it, an
   * event naming nobody is refused (the command needs a recipient).
   */
  whenNobody?: string;
  attachments: (data: TemplateData[T]) => InvoicePdfReference[];
}

const nothing = (): InvoicePdfReference[] => [];

/** The owner, when the event knows the address. */
const ownerIfKnown = (data: { ownerEmail?: string }): string[] => (data.ownerEmail ? [data.ownerEmail] : []);

/**
 * An account notice's people: the owner and admins who did not mute it, as the account's members
 * (`noticeRecipients`, added by RecordOwnerNoticeUseCase), else the owner the event or contact names.
 */
const accountPeople = (data: { ownerEmail?: string; noticeRecipients?: string[] }): string[] =>
  data.noticeRecipients ?? ownerIfKnown(data);
const NO_OWNER_EMAIL = 'nobody to tell: no owner address is known, or every owner and admin muted this notice';
/** An e-Factura alert's people: the account's (as for any notice) and the staff of STAFF_ALERT_EMAILS. */
const accountPeopleAndStaff = (data: {
  ownerEmail?: string;
  noticeRecipients?: string[];
  staffRecipients?: string[];
}): string[] => [...accountPeople(data), ...(data.staffRecipients ?? [])];
const NO_OWNER_CONTACT =
  'nobody to tell: no owner address is known (account.created never seen here), or every owner and admin muted this notice';

/**
 * The one table of the e-mails Obolus owes: which event causes each, to whom it goes and what it
 * attaches. Everything else (account, language, cause, the data its template renders) comes the same
 * way from every event.
 */
const owed: { [T in TemplateName]: EmailOwed<T> } = {
  welcome: { cause: AccountCreatedV1.type, recipients: (data) => [data.ownerEmail], attachments: nothing },
  /** I1: the invoice goes to the owner and every extra billing address, with its PDF. */
  'invoice-issued': {
    cause: InvoiceIssuedV1.type,
    recipients: (data) => data.recipients,
    attachments: (data) => [
      { kind: 'invoice-pdf', documentId: data.invoiceId, filename: data.pdf.filename, sha256: data.pdf.sha256 },
    ],
  },
  /** I3: a credit note, like an invoice, to the owner and every extra billing address, with its PDF. */
  'credit-note-issued': {
    cause: CreditNoteIssuedV1.type,
    recipients: (data) => data.recipients,
    attachments: (data) => [
      { kind: 'credit-note-pdf', documentId: data.creditNoteId, filename: data.pdf.filename, sha256: data.pdf.sha256 },
    ],
  },
  /** P4: an unpaid proforma, to the addresses it went to, with the transfer details again. */
  'unpaid-reminder': { cause: InvoiceOverdueV1.type, recipients: (data) => data.recipients, attachments: nothing },
  /** I4: a proforma with the transfer details, to the owner and every extra billing address, with its PDF. */
  'proforma-issued': {
    cause: ProformaIssuedV1.type,
    recipients: (data) => data.recipients,
    attachments: (data) => [
      { kind: 'proforma-pdf', documentId: data.proformaId, filename: data.pdf.filename, sha256: data.pdf.sha256 },
    ],
  },
  'password-reset': { cause: PasswordResetRequestedV1.type, recipients: (data) => [data.email], attachments: nothing },
  'user-invited': { cause: UserInvitedV1.type, recipients: (data) => [data.email], attachments: nothing },
  /** B6: 10 days before the trial ends, to the owner; none when subscriptions knows no owner address. */
  'trial-ending': { cause: TrialEndingV1.type, recipients: accountPeople, whenNobody: NO_OWNER_EMAIL, attachments: nothing },
  /** B6: 10 days before a prepaid period ends, to the owner; none when subscriptions knows no owner address. */
  'subscription-expiring': {
    cause: SubscriptionExpiringV1.type,
    recipients: accountPeople,
    whenNobody: NO_OWNER_EMAIL,
    attachments: nothing,
  },
  /** T3: the trial ran out; to the owner, from the account's contact (the event names nobody). */
  'trial-ended': { cause: TrialEndedV1.type, recipients: accountPeople, whenNobody: NO_OWNER_CONTACT, attachments: nothing },
  /** B3: a prepaid period ran out; to the owner, from the account's contact. */
  'subscription-expired': {
    cause: SubscriptionExpiredV1.type,
    recipients: accountPeople,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** P4: a failed charge, to the owner (from the account's contact). */
  'payment-failed': {
    cause: PaymentFailedV1.type,
    recipients: accountPeople,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** A3: the closure, to the owner who asked for it. */
  'account-closed': { cause: AccountClosureRequestedV1.type, recipients: (data) => [data.ownerEmail], attachments: nothing },
  /** A3: the data export, to the owner who asked for it. */
  'export-ready': { cause: AccountExportReadyV1.type, recipients: (data) => [data.ownerEmail], attachments: nothing },
  /** E4: ANAF rejected a document; to the owner, admins and staff. */
  'efactura-rejected': {
    cause: EfacturaSubmissionRejectedV1.type,
    recipients: accountPeopleAndStaff,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** E2: 2 and 1 working days before the upload deadline; to the owner, admins and staff. */
  'efactura-deadline-approaching': {
    cause: EfacturaDeadlineApproachingV1.type,
    recipients: accountPeopleAndStaff,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** ANAF no longer takes a CUI's tokens; to the owner, admins and staff. */
  'efactura-authorization-lost': {
    cause: EfacturaAuthorizationLostV1.type,
    recipients: accountPeopleAndStaff,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** E3: a supplier's invoice arrived through ANAF; to the owner and admins. */
  'supplier-invoice-received': {
    cause: EfacturaIncomingReceivedV1.type,
    recipients: accountPeople,
    whenNobody: NO_OWNER_CONTACT,
    attachments: nothing,
  },
  /** A webhook endpoint failed for three days: its account's owner (or the staff member who made a platform-wide one). */
  'webhook-endpoint-failing': {
    cause: WebhookEndpointFailingV1.type,
    recipients: (data) => [data.ownerEmail],
    attachments: nothing,
  },
};

/** An event that owes an e-mail, as the consumer receives it. */
export type EventOwingEmail = { [T in TemplateName]: CloudEvent<TemplateData[T]> }[TemplateName];

/**
 * The e-mail an event owes, and to whom, in the account's language, else its catalog's. An event its row
 * allows to name nobody, and that names nobody, owes none: it says why (`noneOwedBecause`).
 */
/** The template an event type owes; throws for an event that owes no e-mail. */
export function templateOf(eventType: string): TemplateName {
  const template = TEMPLATE_NAMES.find((name) => owed[name].cause === eventType);
  if (!template) throw NotificationsError.noEmailFor(eventType);
  return template;
}

export function deliveryOf(event: EventOwingEmail): RecordDeliveryInput {
  const template = templateOf(event.type);
  const recipientsOf = owed[template].recipients as (data: unknown) => string[];
  const recipients = recipientsOf(event.data);
  const { whenNobody } = owed[template];
  return {
    accountId: event.data.accountId,
    template,
    locale: localeOf(event.data),
    causeEventId: event.id,
    recipients,
    templateData: event.data,
    ...(recipients.length === 0 && whenNobody ? { noneOwedBecause: whenNobody } : {}),
  };
}

/** The e-mail a delivery sends, from its template and the data it recorded. */
export function composeEmail(template: string, data: unknown, locale?: Locale): ComposedEmail {
  if (!isTemplateName(template)) throw NotificationsError.templateNotFound(template);
  const rendered = (templates[template] as (data: unknown) => RenderedEmail | undefined)(data);
  if (!rendered?.subject || !rendered.text) throw NotificationsError.templateRenderedNothing(template);
  const attachments = owed[template].attachments as (data: unknown) => InvoicePdfReference[];
  return {
    subject: rendered.subject,
    text: rendered.text,
    html: htmlOf(rendered, locale ?? localeOf(data as LocalizedData) ?? 'en'),
    attachments: attachments(data),
  };
}

/** The PDF as attached, once its bytes are those its event announced. */
export function pdfAttachment(reference: InvoicePdfReference, content: Buffer): EmailAttachment {
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== reference.sha256) throw NotificationsError.invoicePdfMismatch(reference.documentId, sha256, reference.sha256);
  return { filename: reference.filename, content, contentType: 'application/pdf' };
}
