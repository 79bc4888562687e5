import { Type } from '@sinclair/typebox';
import { EmailAddress, Instant, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

/** A staff member must say why they acted on a customer's account: at least 3 characters, at most 500. */
export const STAFF_ACTION_REASON_MIN_LENGTH = 3;
export const STAFF_ACTION_REASON_MAX_LENGTH = 500;
/** Lowercase words joined by dots or hyphens, such as `subscription.bill-early` or `dead-letter.replayed`. */
export const STAFF_ACTION_NAME_PATTERN = '^[a-z0-9]+(?:[.-][a-z0-9]+)*$';
export const STAFF_ACTION_NAME_MAX_LENGTH = 64;
export const STAFF_ACTION_DETAILS_MAX_PROPERTIES = 20;

export const StaffActionTakenV1 = defineEvent({
  type: 'obolus.platform.staff.action-taken.v1',
  topic: Topics.platformStaffAction,
  source: '/obolus/platform',
  summary:
    "A staff member acted on a customer's account from the staff console (billed early, extended a trial, refunded, recorded a bank transfer, issued a credit note, retried an e-Factura upload, replayed a dead letter...). The service that did it publishes it in the same transaction; identity appends it to the account's audit log with who, what and why.",
  data: Type.Object(
    {
      accountId: Uuid('The customer account acted on'),
      staffUserId: Uuid('The staff member (the `sub` of their access token)'),
      staffEmail: EmailAddress('The staff member, as the audit log shows them'),
      action: Type.String({
        minLength: 1,
        maxLength: STAFF_ACTION_NAME_MAX_LENGTH,
        pattern: STAFF_ACTION_NAME_PATTERN,
        description:
          'What was done, as <subject>.<verb>: subscription.bill-early, trial.extended, payment.refunded, bank-transfer.recorded, credit-note.issued, efactura.retried, dead-letter.replayed; the set is open',
        examples: ['subscription.bill-early'],
      }),
      reason: Type.String({
        minLength: STAFF_ACTION_REASON_MIN_LENGTH,
        maxLength: STAFF_ACTION_REASON_MAX_LENGTH,
        pattern: '\\S',
        description: 'Why, as the staff member wrote it (required)',
        examples: ['The customer asked to be invoiced before the end of the year'],
      }),
      subject: Type.Optional(
        Type.Object(
          {
            type: Type.String({
              minLength: 1,
              maxLength: STAFF_ACTION_NAME_MAX_LENGTH,
              pattern: STAFF_ACTION_NAME_PATTERN,
              description: 'What was acted on: subscription, invoice, payment, credit-note, efactura-document, dead-letter...',
              examples: ['invoice'],
            }),
            id: Type.String({
              minLength: 1,
              maxLength: 200,
              description: 'Its id (or number) in the service that owns it',
              examples: ['OBL-2026-000123'],
            }),
          },
          { additionalProperties: false, description: 'The thing acted on, when there is one' },
        ),
      ),
      details: Type.Optional(
        Type.Object(
          {},
          {
            additionalProperties: Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null()]),
            maxProperties: STAFF_ACTION_DETAILS_MAX_PROPERTIES,
            description: `A few flat facts worth keeping (at most ${STAFF_ACTION_DETAILS_MAX_PROPERTIES}; strings up to 200 characters), such as an amount in minor units or the days a trial was extended by`,
            examples: [{ invoiceNumber: 'OBL-2026-000123', amountMinor: 12100 }],
          },
        ),
      ),
      occurredAt: Instant('When the action was taken'),
    },
    { additionalProperties: false },
  ),
});
export type StaffActionTakenV1Data = EventData<typeof StaffActionTakenV1>;
