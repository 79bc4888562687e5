import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum NotificationsErrorCode {
  NoEmailForEvent = 'NO_EMAIL_FOR_EVENT',
  TemplateNotFound = 'TEMPLATE_NOT_FOUND',
  TemplateRenderedNothing = 'TEMPLATE_RENDERED_NOTHING',
  InvoiceNotFound = 'INVOICE_NOT_FOUND',
  InvoicePdfMismatch = 'INVOICE_PDF_MISMATCH',
  InvoicingUnavailable = 'INVOICING_UNAVAILABLE',
  NotADeliveryId = 'NOT_A_DELIVERY_ID',
  WebhookUrlRefused = 'WEBHOOK_URL_REFUSED',
  WebhookEndpointNotFound = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  WebhookDeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
}

/**
 * `unavailable` is the one kind that passes: the dispatcher retries the delivery later (and a consumer
 * would retry the event). Every other kind is final, and the delivery is marked failed with the message.
 */
const kinds: Record<NotificationsErrorCode, ErrorKind> = {
  [NotificationsErrorCode.NoEmailForEvent]: 'unprocessable',
  [NotificationsErrorCode.TemplateNotFound]: 'unprocessable',
  [NotificationsErrorCode.TemplateRenderedNothing]: 'unprocessable',
  [NotificationsErrorCode.InvoiceNotFound]: 'not-found',
  [NotificationsErrorCode.InvoicePdfMismatch]: 'unprocessable',
  [NotificationsErrorCode.InvoicingUnavailable]: 'unavailable',
  [NotificationsErrorCode.NotADeliveryId]: 'invalid',
  [NotificationsErrorCode.WebhookUrlRefused]: 'invalid',
  [NotificationsErrorCode.WebhookEndpointNotFound]: 'not-found',
  [NotificationsErrorCode.WebhookDeliveryNotFound]: 'not-found',
};

/** Every refusal and failure of the notifications service, one code each. */
export class NotificationsError extends DomainError<NotificationsErrorCode> {
  private constructor(code: NotificationsErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static noEmailFor(eventType: string): NotificationsError {
    return new NotificationsError(
      NotificationsErrorCode.NoEmailForEvent,
      `no e-mail is owed for an event of type '${eventType}'`,
    );
  }

  static templateNotFound(template: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.TemplateNotFound, `no template is named '${template}'`);
  }

  static templateRenderedNothing(template: string): NotificationsError {
    return new NotificationsError(
      NotificationsErrorCode.TemplateRenderedNothing,
      `template ${template} rendered nothing from its data (locale missing?)`,
    );
  }

  static invoiceNotFound(invoiceId: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.InvoiceNotFound, `invoicing has no invoice ${invoiceId}`);
  }

  static invoicePdfMismatch(invoiceId: string, sha256: string, announced: string): NotificationsError {
    return new NotificationsError(
      NotificationsErrorCode.InvoicePdfMismatch,
      `the PDF of invoice ${invoiceId} has SHA-256 ${sha256}, not the ${announced} its event announced`,
    );
  }

  /** Invoicing unreachable, or answering anything but the PDF or 404: the delivery is tried again later. */
  static invoicingUnavailable(message: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.InvoicingUnavailable, message);
  }

  static notADeliveryId(value: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.NotADeliveryId, `'${value}' is not a delivery id`, [
      { field: 'deliveryId', reason: 'must be a UUID' },
    ]);
  }

  /** The endpoint URL breaks the delivery rules (scheme, address, resolution). */
  static webhookUrlRefused(reason: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.WebhookUrlRefused, `url ${reason}`, [{ field: 'url', reason }]);
  }

  static webhookEndpointNotFound(endpointId: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.WebhookEndpointNotFound, `no webhook endpoint ${endpointId} here`);
  }

  static webhookDeliveryNotFound(deliveryId: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.WebhookDeliveryNotFound, `no webhook delivery ${deliveryId} on this endpoint`);
  }
}
