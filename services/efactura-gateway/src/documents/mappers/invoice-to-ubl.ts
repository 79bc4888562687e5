import { InvoiceIssuedV1Data } from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';
import { B2C_ANONYMOUS_BUYER_ID, Party, UblDocument, VatCategory } from '@obolus/ubl';

type InvoiceParty = InvoiceIssuedV1Data['seller'];

/** UNCL 4461 payment means of each Obolus payment method. */
const PAYMENT_MEANS: Record<string, string> = {
  card: '48',
  sepa_debit: '59',
  ach_debit: '49',
  bank_transfer: '30',
  paypal: '68',
};

function address(party: InvoiceParty): Party['address'] {
  const a = party.address;
  return {
    street: a.line1,
    ...(a.line2 ? { additionalStreet: a.line2 } : {}),
    city: a.city,
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    ...(a.countrySubdivision ? { countrySubdivision: a.countrySubdivision } : {}),
    country: a.country,
  };
}

export function seller(party: InvoiceParty): Party {
  return {
    name: party.legalName,
    ...(party.vatId ? { vatId: party.vatId } : {}),
    ...(party.tradeRegisterNumber ? { legalRegistrationId: party.tradeRegisterNumber } : {}),
    address: address(party),
    ...(party.email ? { contact: { email: party.email } } : {}),
  };
}

/**
 * Romanian buyers: a VAT-registered company by its VAT id, else its CUI; a person by CNP, or 13 zeros
 * when there is none (B2C). Foreign buyers: their VAT id, or nothing for a consumer.
 */
export function buyer(party: InvoiceParty): Party {
  const base: Party = { name: party.legalName, address: address(party) };
  if (party.vatId) return { ...base, vatId: party.vatId };
  if (party.address.country === 'RO') {
    const id = party.companyId ?? (party.buyerType === 'individual' ? B2C_ANONYMOUS_BUYER_ID : undefined);
    return id ? { ...base, legalRegistrationId: id } : base;
  }
  return party.companyId ? { ...base, legalRegistrationId: party.companyId } : base;
}

const rateText = (basisPoints: number): string => (basisPoints / 100).toFixed(2).replace(/\.?0+$/, '');

/** The exemption reasons (BT-120, BT-121) the issuer gave in its VAT breakdown. */
export function vatExemptionsOf(document: Pick<InvoiceIssuedV1Data, 'vatBreakdown'>): UblDocument['vatExemptions'] {
  const exemptions = document.vatBreakdown
    .filter((entry) => entry.exemptionReasonCode || entry.exemptionReason)
    .map((entry) => ({
      category: entry.vatCategory as VatCategory,
      reason: entry.exemptionReason,
      reasonCode: entry.exemptionReasonCode,
    }));
  return exemptions.length ? exemptions : undefined;
}

/** The lines of an invoice or a credit note (whose amounts are positive, as CIUS-RO wants them). */
export function linesOf(document: Pick<InvoiceIssuedV1Data, 'lines' | 'currency'>): UblDocument['lines'] {
  return document.lines.map((line, index) => ({
    id: String(index + 1),
    quantity: String(line.quantity),
    unitCode: 'C62',
    netAmount: BigInt(line.netMinor),
    item: { name: line.description },
    vat: {
      category: line.vatCategory as VatCategory,
      ...(line.vatCategory === 'O' ? {} : { rate: rateText(line.vatRateBasisPoints) }),
    },
    price: { amount: moneyToDecimal(money(line.unitPriceMinor, document.currency)) },
  }));
}

/**
 * BT-113, and BT-111 when it needs no exchange rate: a document in another currency with no VAT
 * (reverse charge, exports) has a VAT total of 0 RON too (BR-RO-030). Any other foreign-currency
 * VAT total needs the day's rate, which the events do not carry yet, so the builder refuses it.
 */
export function totalsOf(document: Pick<InvoiceIssuedV1Data, 'totals' | 'currency'>): UblDocument['totals'] {
  return {
    prepaid: BigInt(document.totals.paidMinor),
    ...(document.currency !== 'RON' && document.totals.vatMinor === 0 ? { taxTotalInTaxCurrency: 0n } : {}),
  };
}

/** The CIUS-RO document of an issued invoice, built from the event alone. */
export function invoiceToUbl(invoice: InvoiceIssuedV1Data): UblDocument {
  const exemptions = vatExemptionsOf(invoice);
  return {
    kind: 'invoice',
    id: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    ...(invoice.legalMention ? { notes: [invoice.legalMention] } : {}),
    seller: seller(invoice.seller),
    buyer: buyer(invoice.buyer),
    paymentMeans: [
      {
        code: PAYMENT_MEANS[invoice.payment.method] ?? 'ZZZ',
        remittanceInformation: invoice.payment.providerPaymentId,
        ...(invoice.payment.payeeAccount
          ? {
              payeeAccount: {
                id: invoice.payment.payeeAccount.iban,
                name: invoice.payment.payeeAccount.accountHolder,
                providerId: invoice.payment.payeeAccount.bic,
              },
            }
          : {}),
      },
    ],
    lines: linesOf(invoice),
    totals: totalsOf(invoice),
    ...(exemptions ? { vatExemptions: exemptions } : {}),
  };
}
