import { create } from 'xmlbuilder2';
import { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { completeUblDocument } from './complete-document';
import { formatCents } from './decimal';
import {
  CIUS_RO_CUSTOMIZATION_ID,
  Cents,
  CompleteUblDocument,
  DocumentAdjustment,
  LineAdjustment,
  Party,
  PostalAddress,
  UblDocument,
  VatClassification,
} from './model';
import { UBL_NAMESPACES } from './namespaces';

const { cac: CAC, cbc: CBC } = UBL_NAMESPACES;

export interface BuildXmlOptions {
  /** Indent the XML (default true); false is slightly faster and smaller. */
  prettyPrint?: boolean;
}

/**
 * Writes the UBL 2.1 Invoice or CreditNote for a document, CIUS-RO 1.0.1 compliant.
 * Calculated parts missing from the document are filled in first (completeUblDocument), and a
 * document that cannot become valid is refused with UblDocumentRejectedError before any XML is written.
 */
export function buildUblXml(document: UblDocument, options: BuildXmlOptions = {}): string {
  return writeUblXml(completeUblDocument(document), options);
}

/** Same as buildUblXml, named for the common case. */
export const buildInvoiceXml = buildUblXml;

/** Serialises a completed document as it is, in the element order of the UBL 2.1 schemas. */
export function writeUblXml(doc: CompleteUblDocument, options: BuildXmlOptions = {}): string {
  const creditNote = doc.kind === 'creditNote';
  const xml = create({ version: '1.0', encoding: 'UTF-8' });
  const root = xml.ele(creditNote ? UBL_NAMESPACES.creditNote : UBL_NAMESPACES.invoice, creditNote ? 'CreditNote' : 'Invoice', {
    'xmlns:cac': CAC,
    'xmlns:cbc': CBC,
  });
  const w = new UblWriter(doc.currency);

  w.text(root, 'UBLVersionID', '2.1');
  w.text(root, 'CustomizationID', doc.customizationId ?? CIUS_RO_CUSTOMIZATION_ID);
  w.text(root, 'ProfileID', doc.profileId);
  w.text(root, 'ID', doc.id);
  w.text(root, 'IssueDate', doc.issueDate);
  if (creditNote) {
    w.text(root, 'TaxPointDate', doc.taxPointDate);
    w.text(root, 'CreditNoteTypeCode', doc.typeCode ?? '381');
    for (const note of doc.notes ?? []) w.text(root, 'Note', note);
  } else {
    w.text(root, 'DueDate', doc.dueDate);
    w.text(root, 'InvoiceTypeCode', doc.typeCode ?? '380');
    for (const note of doc.notes ?? []) w.text(root, 'Note', note);
    w.text(root, 'TaxPointDate', doc.taxPointDate);
  }
  w.text(root, 'DocumentCurrencyCode', doc.currency);
  w.text(root, 'TaxCurrencyCode', doc.taxCurrency);
  w.text(root, 'AccountingCost', doc.accountingReference);
  w.text(root, 'BuyerReference', doc.buyerReference);
  if (doc.invoicePeriod) {
    const period = w.group(root, 'InvoicePeriod');
    w.text(period, 'StartDate', doc.invoicePeriod.start);
    w.text(period, 'EndDate', doc.invoicePeriod.end);
    w.text(period, 'DescriptionCode', doc.invoicePeriod.taxPointDateCode);
  }
  if (doc.purchaseOrderReference || doc.salesOrderReference) {
    const order = w.group(root, 'OrderReference');
    // BT-13 is the mandatory ID of OrderReference; NA when only the sales order is known.
    w.text(order, 'ID', doc.purchaseOrderReference ?? 'NA');
    w.text(order, 'SalesOrderID', doc.salesOrderReference);
  }
  for (const ref of doc.precedingInvoices ?? []) {
    const reference = w.group(w.group(root, 'BillingReference'), 'InvoiceDocumentReference');
    w.text(reference, 'ID', ref.id);
    w.text(reference, 'IssueDate', ref.issueDate);
  }
  if (doc.contractReference) w.text(w.group(root, 'ContractDocumentReference'), 'ID', doc.contractReference);
  for (const ref of doc.supportingDocuments ?? []) {
    const reference = w.group(root, 'AdditionalDocumentReference');
    w.text(reference, 'ID', ref.id);
    w.text(reference, 'DocumentDescription', ref.description);
  }
  w.party(w.group(root, 'AccountingSupplierParty'), doc.seller, true);
  w.party(w.group(root, 'AccountingCustomerParty'), doc.buyer, false);
  if (doc.delivery) {
    const delivery = w.group(root, 'Delivery');
    w.text(delivery, 'ActualDeliveryDate', doc.delivery.date);
    if (doc.delivery.locationId || doc.delivery.address) {
      const location = w.group(delivery, 'DeliveryLocation');
      if (doc.delivery.locationId)
        w.text(
          location,
          'ID',
          doc.delivery.locationId.id,
          doc.delivery.locationId.scheme ? { schemeID: doc.delivery.locationId.scheme } : undefined,
        );
      if (doc.delivery.address) w.address(location, 'Address', doc.delivery.address);
    }
    if (doc.delivery.partyName) w.text(w.group(w.group(delivery, 'DeliveryParty'), 'PartyName'), 'Name', doc.delivery.partyName);
  }
  for (const means of doc.paymentMeans ?? []) {
    const element = w.group(root, 'PaymentMeans');
    w.text(element, 'PaymentMeansCode', means.code, means.text ? { name: means.text } : undefined);
    if (creditNote) w.text(element, 'PaymentDueDate', doc.dueDate);
    w.text(element, 'PaymentID', means.remittanceInformation);
    if (means.payeeAccount) {
      const account = w.group(element, 'PayeeFinancialAccount');
      w.text(account, 'ID', means.payeeAccount.id);
      w.text(account, 'Name', means.payeeAccount.name);
      if (means.payeeAccount.providerId)
        w.text(w.group(account, 'FinancialInstitutionBranch'), 'ID', means.payeeAccount.providerId);
    }
  }
  if (doc.paymentTerms) w.text(w.group(root, 'PaymentTerms'), 'Note', doc.paymentTerms);
  for (const allowance of doc.allowances ?? []) w.adjustment(root, false, allowance);
  for (const charge of doc.charges ?? []) w.adjustment(root, true, charge);

  const taxTotal = w.group(root, 'TaxTotal');
  w.amount(taxTotal, 'TaxAmount', doc.totals.taxTotal);
  for (const breakdown of doc.vatBreakdown) {
    const subtotal = w.group(taxTotal, 'TaxSubtotal');
    w.amount(subtotal, 'TaxableAmount', breakdown.taxableAmount);
    w.amount(subtotal, 'TaxAmount', breakdown.taxAmount);
    const category = w.group(subtotal, 'TaxCategory');
    w.text(category, 'ID', breakdown.category);
    w.text(category, 'Percent', breakdown.rate);
    w.text(category, 'TaxExemptionReasonCode', breakdown.exemptionReasonCode);
    w.text(category, 'TaxExemptionReason', breakdown.exemptionReason);
    w.vatScheme(category);
  }
  if (doc.taxCurrency && doc.taxCurrency !== doc.currency && doc.totals.taxTotalInTaxCurrency !== undefined) {
    w.amount(w.group(root, 'TaxTotal'), 'TaxAmount', doc.totals.taxTotalInTaxCurrency, doc.taxCurrency);
  }

  const totals = w.group(root, 'LegalMonetaryTotal');
  w.amount(totals, 'LineExtensionAmount', doc.totals.lineExtension);
  w.amount(totals, 'TaxExclusiveAmount', doc.totals.taxExclusive);
  w.amount(totals, 'TaxInclusiveAmount', doc.totals.taxInclusive);
  w.amount(totals, 'AllowanceTotalAmount', doc.totals.allowanceTotal);
  w.amount(totals, 'ChargeTotalAmount', doc.totals.chargeTotal);
  w.amount(totals, 'PrepaidAmount', doc.totals.prepaid);
  w.amount(totals, 'PayableRoundingAmount', doc.totals.rounding);
  w.amount(totals, 'PayableAmount', doc.totals.payable);

  for (const line of doc.lines) {
    const element = w.group(root, creditNote ? 'CreditNoteLine' : 'InvoiceLine');
    w.text(element, 'ID', line.id);
    w.text(element, 'Note', line.note);
    w.text(element, creditNote ? 'CreditedQuantity' : 'InvoicedQuantity', line.quantity, { unitCode: line.unitCode });
    w.amount(element, 'LineExtensionAmount', line.netAmount);
    if (line.period) {
      const period = w.group(element, 'InvoicePeriod');
      w.text(period, 'StartDate', line.period.start);
      w.text(period, 'EndDate', line.period.end);
    }
    if (line.orderLineReference) w.text(w.group(element, 'OrderLineReference'), 'LineID', line.orderLineReference);
    for (const allowance of line.allowances ?? []) w.adjustment(element, false, allowance);
    for (const charge of line.charges ?? []) w.adjustment(element, true, charge);
    const item = w.group(element, 'Item');
    w.text(item, 'Description', line.item.description);
    w.text(item, 'Name', line.item.name);
    if (line.item.buyerItemId) w.text(w.group(item, 'BuyersItemIdentification'), 'ID', line.item.buyerItemId);
    if (line.item.sellerItemId) w.text(w.group(item, 'SellersItemIdentification'), 'ID', line.item.sellerItemId);
    if (line.item.standardItemId) {
      const { id, scheme } = line.item.standardItemId;
      w.text(w.group(item, 'StandardItemIdentification'), 'ID', id, scheme ? { schemeID: scheme } : undefined);
    }
    if (line.item.originCountry) w.text(w.group(item, 'OriginCountry'), 'IdentificationCode', line.item.originCountry);
    for (const classification of line.item.classifications ?? []) {
      w.text(w.group(item, 'CommodityClassification'), 'ItemClassificationCode', classification.code, {
        listID: classification.listId,
      });
    }
    w.vatCategory(item, 'ClassifiedTaxCategory', line.vat);
    const price = w.group(element, 'Price');
    w.text(price, 'PriceAmount', line.price.amount, { currencyID: doc.currency });
    if (line.price.baseQuantity !== undefined) {
      w.text(
        price,
        'BaseQuantity',
        line.price.baseQuantity,
        line.price.baseQuantityUnitCode ? { unitCode: line.price.baseQuantityUnitCode } : undefined,
      );
    }
  }
  return xml.end({ prettyPrint: options.prettyPrint ?? true });
}

/** Element writing in the two UBL component namespaces; absent values write nothing. */
class UblWriter {
  constructor(private readonly currency: string) {}

  group(parent: XMLBuilder, name: string): XMLBuilder {
    return parent.ele(CAC, `cac:${name}`);
  }

  text(parent: XMLBuilder, name: string, value: string | undefined, attributes?: Record<string, string>): void {
    if (value === undefined) return;
    parent.ele(CBC, `cbc:${name}`, attributes).txt(value);
  }

  amount(parent: XMLBuilder, name: string, value: Cents | undefined, currency = this.currency): void {
    if (value === undefined) return;
    parent.ele(CBC, `cbc:${name}`, { currencyID: currency }).txt(formatCents(value));
  }

  vatScheme(parent: XMLBuilder): void {
    this.text(this.group(parent, 'TaxScheme'), 'ID', 'VAT');
  }

  vatCategory(parent: XMLBuilder, name: string, vat: VatClassification): void {
    const category = this.group(parent, name);
    this.text(category, 'ID', vat.category);
    this.text(category, 'Percent', vat.rate);
    this.vatScheme(category);
  }

  adjustment(parent: XMLBuilder, charge: boolean, adjustment: LineAdjustment | DocumentAdjustment): void {
    const element = this.group(parent, 'AllowanceCharge');
    this.text(element, 'ChargeIndicator', charge ? 'true' : 'false');
    this.text(element, 'AllowanceChargeReasonCode', adjustment.reasonCode);
    this.text(element, 'AllowanceChargeReason', adjustment.reason);
    this.text(element, 'MultiplierFactorNumeric', adjustment.percent);
    this.amount(element, 'Amount', adjustment.amount);
    this.amount(element, 'BaseAmount', adjustment.baseAmount);
    if ('vat' in adjustment) this.vatCategory(element, 'TaxCategory', adjustment.vat);
  }

  address(parent: XMLBuilder, name: string, address: PostalAddress): void {
    const element = this.group(parent, name);
    this.text(element, 'StreetName', address.street);
    this.text(element, 'AdditionalStreetName', address.additionalStreet);
    this.text(element, 'CityName', address.city);
    this.text(element, 'PostalZone', address.postalCode);
    this.text(element, 'CountrySubentity', address.countrySubdivision);
    if (address.addressLine3) this.text(this.group(element, 'AddressLine'), 'Line', address.addressLine3);
    if (address.country) this.text(this.group(element, 'Country'), 'IdentificationCode', address.country);
  }

  party(parent: XMLBuilder, party: Party, seller: boolean): void {
    const element = this.group(parent, 'Party');
    if (party.electronicAddress) {
      const { id, scheme } = party.electronicAddress;
      this.text(element, 'EndpointID', id, scheme ? { schemeID: scheme } : undefined);
    }
    if (party.identifier) {
      const { id, scheme } = party.identifier;
      this.text(this.group(element, 'PartyIdentification'), 'ID', id, scheme ? { schemeID: scheme } : undefined);
    }
    if (party.tradingName) this.text(this.group(element, 'PartyName'), 'Name', party.tradingName);
    if (party.address) this.address(element, 'PostalAddress', party.address);
    if (party.vatId) {
      const scheme = this.group(element, 'PartyTaxScheme');
      this.text(scheme, 'CompanyID', party.vatId);
      this.vatScheme(scheme);
    }
    if (seller && party.taxRegistrationId) {
      // BT-32 is the PartyTaxScheme whose scheme is not VAT.
      const scheme = this.group(element, 'PartyTaxScheme');
      this.text(scheme, 'CompanyID', party.taxRegistrationId);
      this.text(this.group(scheme, 'TaxScheme'), 'ID', 'TAX');
    }
    const legal = this.group(element, 'PartyLegalEntity');
    this.text(legal, 'RegistrationName', party.name);
    this.text(legal, 'CompanyID', party.legalRegistrationId);
    if (seller) this.text(legal, 'CompanyLegalForm', party.legalForm);
    if (party.contact && (party.contact.name || party.contact.phone || party.contact.email)) {
      const contact = this.group(element, 'Contact');
      this.text(contact, 'Name', party.contact.name);
      this.text(contact, 'Telephone', party.contact.phone);
      this.text(contact, 'ElectronicMail', party.contact.email);
    }
  }
}
