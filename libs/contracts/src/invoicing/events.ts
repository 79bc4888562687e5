import { Type } from '@sinclair/typebox';
import {
  CalendarDate,
  CatalogCode,
  CountryCode,
  CurrencyCode,
  Instant,
  Locale,
  MinorUnits,
  PaymentMethodKind,
  Uuid,
} from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const PostalAddress = Type.Object(
  {
    line1: Type.String({ minLength: 1 }),
    line2: Type.Optional(Type.String()),
    city: Type.String({ minLength: 1 }),
    postalCode: Type.Optional(Type.String()),
    countrySubdivision: Type.Optional(Type.String({ description: 'ISO 3166-2 code, e.g. RO-B or RO-CJ' })),
    country: CountryCode,
  },
  { additionalProperties: false },
);

export const InvoiceParty = Type.Object(
  {
    legalName: Type.String({ minLength: 1 }),
    vatId: Type.Optional(Type.String({ description: 'VAT identifier with its country prefix' })),
    companyId: Type.Optional(Type.String({ description: 'Legal registration id (Romanian CUI without RO, CNP for people)' })),
    tradeRegisterNumber: Type.Optional(Type.String()),
    buyerType: Type.Optional(Type.Union([Type.Literal('business'), Type.Literal('individual')])),
    email: Type.Optional(Type.String({ format: 'email' })),
    address: PostalAddress,
  },
  { additionalProperties: false },
);

/** One line of an invoice or a credit note. */
export const DocumentLine = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 200 }),
    quantity: Type.Integer({ minimum: 1 }),
    unitPriceMinor: MinorUnits('Net unit price'),
    netMinor: MinorUnits('Line net amount'),
    vatCategory: Type.String({ minLength: 1, maxLength: 2, description: 'EN 16931 VAT category code' }),
    vatRateBasisPoints: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** One entry of a document's VAT breakdown. */
export const VatBreakdownEntry = Type.Object(
  {
    vatCategory: Type.String({ maxLength: 2 }),
    vatRateBasisPoints: Type.Integer({ minimum: 0 }),
    taxableMinor: MinorUnits('Taxable amount'),
    taxMinor: MinorUnits('VAT amount'),
    exemptionReasonCode: Type.Optional(Type.String({ maxLength: 30 })),
    exemptionReason: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

/** A document's totals. */
export const DocumentTotals = Type.Object(
  {
    netMinor: MinorUnits('Total without VAT'),
    vatMinor: MinorUnits('Total VAT'),
    grossMinor: MinorUnits('Total with VAT'),
    paidMinor: MinorUnits('Already paid'),
    payableMinor: MinorUnits('Amount due'),
  },
  { additionalProperties: false },
);

/** A reference to a stored PDF, never its bytes. */
export const PdfReference = (description: string) =>
  Type.Object(
    {
      filename: Type.String({ minLength: 1, maxLength: 200 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the PDF, lowercase hex' }),
      sizeBytes: Type.Integer({ minimum: 1, description: 'Size of the PDF in bytes' }),
    },
    { additionalProperties: false, description },
  );

/** An ISO 11649 creditor reference (RF and two check digits), the reference a transfer must carry. */
export const TransferReference = Type.String({
  pattern: '^RF[0-9]{2}[A-Z0-9]{1,21}$',
  description: 'ISO 11649 creditor reference of the proforma, for bank transfers (I4)',
  examples: ['RF18539007547034'],
});

export const InvoicePaymentRequestedV1 = defineEvent({
  type: 'obolus.invoicing.invoice.payment-requested.v1',
  topic: Topics.invoicingInvoice,
  source: '/obolus/invoicing',
  summary:
    'An invoice draft with its VAT is ready and its amount is to be collected; the fiscal invoice follows the payment (I1).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      draftId: Uuid('The draft'),
      subscriptionId: Uuid('The subscription billed'),
      currency: CurrencyCode,
      amountDueMinor: MinorUnits('Amount to collect, VAT included'),
      paymentMethod: PaymentMethodKind,
      description: Type.String({ minLength: 1 }),
      requestedAt: Instant('When the draft was made'),
      transferReference: Type.Optional(TransferReference),
    },
    { additionalProperties: false },
  ),
});
export type InvoicePaymentRequestedV1Data = EventData<typeof InvoicePaymentRequestedV1>;

export const InvoiceIssuedV1 = defineEvent({
  type: 'obolus.invoicing.invoice.issued.v1',
  topic: Topics.invoicingInvoice,
  source: '/obolus/invoicing',
  summary: 'A fiscal invoice was issued with the next number of its series; it never changes afterwards (I3).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      invoiceId: Uuid('The invoice'),
      number: Type.String({ minLength: 1, description: 'The full invoice number, series included' }),
      series: Type.String({ minLength: 1 }),
      catalog: CatalogCode,
      issueDate: CalendarDate('BT-2, in the seller time zone'),
      taxPointDate: CalendarDate('The date the VAT rate was taken at'),
      dueDate: CalendarDate('BT-9'),
      currency: CurrencyCode,
      locale: Locale,
      seller: InvoiceParty,
      buyer: InvoiceParty,
      lines: Type.Array(DocumentLine, {
        minItems: 1,
        maxItems: 50,
        description: "An invoice's lines; a subscription invoice has a handful",
      }),
      vatBreakdown: Type.Array(VatBreakdownEntry, { maxItems: 10, description: 'One entry per VAT category and rate' }),
      totals: DocumentTotals,
      legalMention: Type.Optional(Type.String()),
      payment: Type.Object(
        {
          paymentId: Uuid('The payment that settled it'),
          method: PaymentMethodKind,
          providerPaymentId: Type.String(),
          payeeAccount: Type.Optional(
            Type.Object(
              {
                iban: Type.String({ pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$', examples: ['FR7630006000011234567890189'] }),
                bic: Type.String({ pattern: '^[A-Z0-9]{8}([A-Z0-9]{3})?$', examples: ['AGRIFRPP882'] }),
                accountHolder: Type.String({ minLength: 1 }),
              },
              { additionalProperties: false, description: "For a bank transfer: the seller's account it was paid to (BT-84)" },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      recipients: Type.Array(Type.String({ format: 'email' }), {
        minItems: 1,
        maxItems: 20,
        description: 'The owner and the extra billing addresses (I1)',
      }),
      pdf: PdfReference(
        'A reference to the PDF, never its bytes: invoicing stores it and serves it to other services at GET /internal/invoices/{invoiceId}/pdf',
      ),
      issuedAt: Instant('When it was issued'),
    },
    { additionalProperties: false },
  ),
});
export type InvoiceIssuedV1Data = EventData<typeof InvoiceIssuedV1>;

export const CreditNoteIssuedV1 = defineEvent({
  type: 'obolus.invoicing.credit-note.issued.v1',
  topic: Topics.invoicingInvoice,
  source: '/obolus/invoicing',
  summary:
    'A credit note was issued against an invoice, for a refund or a staff correction, with the next number of its own series; it never changes afterwards (I3).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      creditNoteId: Uuid('The credit note'),
      number: Type.String({ minLength: 1, description: 'The full credit note number, series included' }),
      series: Type.String({ minLength: 1 }),
      catalog: CatalogCode,
      invoiceId: Uuid('The invoice it corrects'),
      invoiceNumber: Type.String({ minLength: 1, description: 'BT-25, the number of the invoice it corrects' }),
      invoiceIssueDate: CalendarDate('BT-26, the issue date of the invoice it corrects'),
      reason: Type.Union([Type.Literal('refund'), Type.Literal('correction')], {
        description: 'A refund of a payment, or a staff correction of the invoice',
      }),
      reasonText: Type.String({ minLength: 1, maxLength: 500, description: 'Why, as staff gave it' }),
      refundId: Type.Optional(Uuid('The refund it follows, for reason refund')),
      issueDate: CalendarDate('BT-2, in the seller time zone'),
      currency: CurrencyCode,
      locale: Locale,
      seller: InvoiceParty,
      buyer: InvoiceParty,
      lines: Type.Array(DocumentLine, { minItems: 1, maxItems: 50, description: 'The amounts credited, as positive figures' }),
      vatBreakdown: Type.Array(VatBreakdownEntry, { maxItems: 10, description: 'One entry per VAT category and rate' }),
      totals: DocumentTotals,
      legalMention: Type.Optional(Type.String()),
      recipients: Type.Array(Type.String({ format: 'email' }), {
        minItems: 1,
        maxItems: 20,
        description: 'The owner and the extra billing addresses',
      }),
      pdf: PdfReference(
        'A reference to the PDF, never its bytes: invoicing serves it to other services at GET /internal/credit-notes/{creditNoteId}/pdf',
      ),
      issuedAt: Instant('When it was issued'),
    },
    { additionalProperties: false },
  ),
});
export type CreditNoteIssuedV1Data = EventData<typeof CreditNoteIssuedV1>;

export const ProformaIssuedV1 = defineEvent({
  type: 'obolus.invoicing.proforma.issued.v1',
  topic: Topics.invoicingInvoice,
  source: '/obolus/invoicing',
  summary:
    'A proforma (not a fiscal invoice, numbered in its own series) asks for a bank transfer with its payment reference; the fiscal invoice follows when the money arrives (I4, P2, P3).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      proformaId: Uuid('The proforma'),
      draftId: Uuid('The draft it asks payment for'),
      number: Type.String({ minLength: 1, description: 'The full proforma number, series included' }),
      series: Type.String({ minLength: 1 }),
      catalog: CatalogCode,
      issueDate: CalendarDate('In the seller time zone'),
      dueDate: CalendarDate('Pay by this day'),
      currency: CurrencyCode,
      locale: Locale,
      seller: InvoiceParty,
      buyer: InvoiceParty,
      lines: Type.Array(DocumentLine, { minItems: 1, maxItems: 50 }),
      vatBreakdown: Type.Array(VatBreakdownEntry, { maxItems: 10 }),
      totals: DocumentTotals,
      legalMention: Type.Optional(Type.String()),
      transfer: Type.Object(
        {
          reference: TransferReference,
          iban: Type.String({
            pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$',
            description: "The seller's IBAN",
            examples: ['FR7630006000011234567890189'],
          }),
          bic: Type.String({
            pattern: '^[A-Z0-9]{8}([A-Z0-9]{3})?$',
            description: "The seller's BIC",
            examples: ['AGRIFRPP882'],
          }),
          accountHolder: Type.String({ minLength: 1 }),
          amountMinor: MinorUnits('The amount to transfer, VAT included'),
        },
        { additionalProperties: false },
      ),
      recipients: Type.Array(Type.String({ format: 'email' }), {
        minItems: 1,
        maxItems: 20,
        description: 'The owner and the extra billing addresses',
      }),
      pdf: PdfReference(
        'A reference to the PDF, never its bytes: invoicing serves it to other services at GET /internal/proformas/{proformaId}/pdf',
      ),
      issuedAt: Instant('When it was issued'),
    },
    { additionalProperties: false },
  ),
});
export type ProformaIssuedV1Data = EventData<typeof ProformaIssuedV1>;

export const InvoiceOverdueV1 = defineEvent({
  type: 'obolus.invoicing.invoice.overdue.v1',
  topic: Topics.invoicingInvoice,
  source: '/obolus/invoicing',
  summary:
    'A document asking for money is still unpaid past its due date (P4): sent 7, 14 and 30 days after it, until it is paid. Today the unpaid documents are proformas awaiting a bank transfer.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      document: Type.Object(
        {
          kind: Type.Literal('proforma'),
          id: Uuid('The proforma'),
          number: Type.String({ minLength: 1 }),
          issueDate: CalendarDate('When it was issued'),
          dueDate: CalendarDate('When it was due'),
        },
        { additionalProperties: false },
      ),
      currency: CurrencyCode,
      locale: Locale,
      amountDueMinor: MinorUnits('What is still to pay, VAT included'),
      daysOverdue: Type.Integer({ minimum: 1, description: 'Days since the due date' }),
      reminder: Type.Integer({ minimum: 1, maximum: 3, description: 'Which reminder this is' }),
      final: Type.Boolean({ description: 'The last reminder' }),
      transfer: Type.Object(
        {
          reference: TransferReference,
          iban: Type.String({ pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$', examples: ['FR7630006000011234567890189'] }),
          bic: Type.String({ pattern: '^[A-Z0-9]{8}([A-Z0-9]{3})?$', examples: ['AGRIFRPP882'] }),
          accountHolder: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
      sellerName: Type.String({ minLength: 1 }),
      recipients: Type.Array(Type.String({ format: 'email' }), { minItems: 1, maxItems: 20 }),
      overdueAt: Instant('When the reminder went out, in the account business time'),
    },
    { additionalProperties: false },
  ),
});
export type InvoiceOverdueV1Data = EventData<typeof InvoiceOverdueV1>;
