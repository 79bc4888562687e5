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
      lines: Type.Array(
        Type.Object(
          {
            description: Type.String({ minLength: 1, maxLength: 200 }),
            quantity: Type.Integer({ minimum: 1 }),
            unitPriceMinor: MinorUnits('Net unit price'),
            netMinor: MinorUnits('Line net amount'),
            vatCategory: Type.String({ minLength: 1, maxLength: 2, description: 'EN 16931 VAT category code' }),
            vatRateBasisPoints: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 50, description: "An invoice's lines; a subscription invoice has a handful" },
      ),
      vatBreakdown: Type.Array(
        Type.Object(
          {
            vatCategory: Type.String({ maxLength: 2 }),
            vatRateBasisPoints: Type.Integer({ minimum: 0 }),
            taxableMinor: MinorUnits('Taxable amount'),
            taxMinor: MinorUnits('VAT amount'),
            exemptionReasonCode: Type.Optional(Type.String({ maxLength: 30 })),
            exemptionReason: Type.Optional(Type.String({ maxLength: 300 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10, description: 'One entry per VAT category and rate' },
      ),
      totals: Type.Object(
        {
          netMinor: MinorUnits('Total without VAT'),
          vatMinor: MinorUnits('Total VAT'),
          grossMinor: MinorUnits('Total with VAT'),
          paidMinor: MinorUnits('Already paid'),
          payableMinor: MinorUnits('Amount due'),
        },
        { additionalProperties: false },
      ),
      legalMention: Type.Optional(Type.String()),
      payment: Type.Object(
        {
          paymentId: Uuid('The payment that settled it'),
          method: PaymentMethodKind,
          providerPaymentId: Type.String(),
        },
        { additionalProperties: false },
      ),
      recipients: Type.Array(Type.String({ format: 'email' }), {
        minItems: 1,
        maxItems: 20,
        description: 'The owner and the extra billing addresses (I1)',
      }),
      pdf: Type.Object(
        {
          filename: Type.String({ minLength: 1, maxLength: 200 }),
          sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the PDF, lowercase hex' }),
          sizeBytes: Type.Integer({ minimum: 1, description: 'Size of the PDF in bytes' }),
        },
        {
          additionalProperties: false,
          description:
            'A reference to the PDF, never its bytes: invoicing stores it and serves it to other services at GET /internal/invoices/{invoiceId}/pdf',
        },
      ),
      issuedAt: Instant('When it was issued'),
    },
    { additionalProperties: false },
  ),
});
export type InvoiceIssuedV1Data = EventData<typeof InvoiceIssuedV1>;
