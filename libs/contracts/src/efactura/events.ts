import { TSchema, Type } from '@sinclair/typebox';
import { CalendarDate, Instant, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const EfacturaDocumentValidatedV1 = defineEvent({
  type: 'obolus.efactura.document.validated.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    'The CIUS-RO XML of an invoice or a credit note was built and checked against the UBL 2.1 XSD and the CIUS-RO schematron (E1, E5).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      documentId: Uuid('The stored XML document'),
      kind: Type.Optional(
        Type.Union([Type.Literal('invoice'), Type.Literal('credit-note')], {
          description: 'An Invoice, or a CreditNote (uploaded with standard=CN); absent means invoice',
          examples: ['credit-note'],
        }),
      ),
      invoiceId: Uuid('The invoice, or the credit note when kind is credit-note'),
      invoiceNumber: Type.String({ description: 'Its number, series included', examples: ['OBL-CN-2026-000007'] }),
      correctedInvoiceNumber: Type.Optional(
        Type.String({ minLength: 1, description: 'For a credit note: BT-25, the invoice it corrects', examples: ['OBL-2026-000123'] }),
      ),
      valid: Type.Boolean({ description: 'No fatal finding: the document may be uploaded' }),
      fatalFindings: Type.Integer({ minimum: 0 }),
      warningFindings: Type.Integer({ minimum: 0 }),
      uploadDeadline: CalendarDate('Last day to reach ANAF (E2)'),
      validatedAt: Instant('When the checks ran'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaDocumentValidatedV1Data = EventData<typeof EfacturaDocumentValidatedV1>;

const DocumentRef = {
  accountId: Uuid('The account'),
  documentId: Uuid('The stored XML document'),
  invoiceId: Uuid('The invoice (or credit note)'),
  invoiceNumber: Type.String({ minLength: 1, maxLength: 200 }),
  cif: Type.String({ pattern: '^\\d{2,10}$', description: 'The seller CUI the document was uploaded under' }),
};

/** ANAF's first messages as it wrote them (the gateway keeps them all; an event carries the first 20, each cut at 1,000 characters). */
export const ANAF_MESSAGES_IN_EVENT = 20;
export const ANAF_MESSAGE_MAX_LENGTH = 1000;
const AnafMessages = Type.Array(Type.String({ maxLength: ANAF_MESSAGE_MAX_LENGTH }), { maxItems: ANAF_MESSAGES_IN_EVENT });

export const EfacturaSubmissionAcceptedV1 = defineEvent({
  type: 'obolus.efactura.submission.accepted.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    "ANAF accepted a document (stareMesaj `ok`): its signed ZIP was downloaded, its signature checked and the ZIP archived unchanged (E4).",
  data: Type.Object(
    {
      ...DocumentRef,
      uploadIndex: Type.String({ minLength: 1, maxLength: 40, description: "ANAF's upload index (index_incarcare)" }),
      downloadId: Type.String({ minLength: 1, maxLength: 40, description: "ANAF's download id (id_descarcare)" }),
      archiveSha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the archived ZIP, as ANAF served it' }),
      acceptedAt: Instant('When the acceptance was recorded'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaSubmissionAcceptedV1Data = EventData<typeof EfacturaSubmissionAcceptedV1>;

export const EfacturaSubmissionRejectedV1 = defineEvent({
  type: 'obolus.efactura.submission.rejected.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    "ANAF rejected a document, at upload or after processing (stareMesaj `nok`), with its messages and their rule ids; a fix means a credit note and a new invoice (E4).",
  data: Type.Object(
    {
      ...DocumentRef,
      uploadIndex: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], {
        description: 'Null when ANAF refused the file at upload',
      }),
      downloadId: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], {
        description: "The error file's download id, when ANAF produced one",
      }),
      messages: AnafMessages,
      messageCount: Type.Integer({ minimum: 0, description: 'How many messages ANAF gave in all' }),
      ruleIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: ANAF_MESSAGES_IN_EVENT }),
      rejectedAt: Instant('When the rejection was recorded'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaSubmissionRejectedV1Data = EventData<typeof EfacturaSubmissionRejectedV1>;

const DeadlineRef = {
  accountId: Uuid('The account'),
  documentId: Uuid('The stored XML document'),
  invoiceId: Uuid('The invoice (or credit note)'),
  invoiceNumber: Type.String({ minLength: 1, maxLength: 200 }),
  issueDate: CalendarDate('The issue date the deadline counts from'),
  uploadDeadline: CalendarDate('Last day to reach ANAF (E2)'),
  status: Type.Union(
    [Type.Literal('invalid'), Type.Literal('queued'), Type.Literal('uploaded'), Type.Literal('rejected'), Type.Literal('not-queued')],
    { description: 'Where the document stands: never accepted by ANAF' },
  ),
};

export const EfacturaDeadlineApproachingV1 = defineEvent({
  type: 'obolus.efactura.deadline.approaching.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    'A document is not accepted by ANAF 2 working days, then 1 working day, before its upload deadline (E2); the owner and staff are told.',
  data: Type.Object(
    {
      ...DeadlineRef,
      workingDaysLeft: Type.Union([Type.Literal(2), Type.Literal(1)], { description: 'Romanian working days left before the deadline' }),
      alertedAt: Instant('When the alert fell due, in the account’s time'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaDeadlineApproachingV1Data = EventData<typeof EfacturaDeadlineApproachingV1>;

export const EfacturaDeadlineMissedV1 = defineEvent({
  type: 'obolus.efactura.deadline.missed.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary: 'A document was not accepted by ANAF by the end of its upload deadline (E2); recorded on the document, never hidden.',
  data: Type.Object(
    {
      ...DeadlineRef,
      missedAt: Instant('The start of the day after the deadline, in the account’s time'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaDeadlineMissedV1Data = EventData<typeof EfacturaDeadlineMissedV1>;

export const EfacturaAuthorizationLostV1 = defineEvent({
  type: 'obolus.efactura.authorization.lost.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    "ANAF no longer takes a CUI's tokens (revoked, or the refresh token expired): its uploads and polls wait, never dropped, until the owner connects it again; the owner and staff are told.",
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      cif: Type.String({ pattern: '^\\d{2,10}$', description: 'The CUI whose authorisation was lost' }),
      reason: Type.Union([Type.Literal('revoked'), Type.Literal('expired')]),
      message: Type.String({ maxLength: 500, description: "ANAF's answer" }),
      lostAt: Instant('When it was recorded'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaAuthorizationLostV1Data = EventData<typeof EfacturaAuthorizationLostV1>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const EfacturaIncomingReceivedV1 = defineEvent({
  type: 'obolus.efactura.incoming.received.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary:
    "A supplier's invoice sent to one of the account's CUIs was downloaded from ANAF and archived (E3); what could be read of it, or why it could not. The invoice itself is served by the gateway.",
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      incomingId: Uuid('The stored supplier invoice'),
      cif: Type.String({ pattern: '^\\d{2,10}$', description: 'The CUI it was sent to' }),
      anafId: Type.String({ minLength: 1, maxLength: 40, description: "ANAF's message id" }),
      supplierCif: Nullable(Type.String({ maxLength: 40 })),
      supplierName: Nullable(Type.String({ maxLength: 500 })),
      number: Nullable(Type.String({ maxLength: 200 })),
      issueDate: Nullable(CalendarDate('Issue date')),
      currency: Nullable(Type.String({ pattern: '^[A-Z]{3}$' })),
      payableMinor: Nullable(Type.Integer({ description: 'Amount due, in minor units' })),
      parseError: Nullable(Type.String({ maxLength: 1000, description: 'Why the invoice could not be read, or its signature not trusted' })),
      receivedAt: Instant('When it was stored'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaIncomingReceivedV1Data = EventData<typeof EfacturaIncomingReceivedV1>;
