import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDecimal, rescaleRounded } from './decimal';
import { FieldProblem, UblMalformedXmlError } from './errors';
import {
  Cents,
  DocumentAdjustment,
  DocumentKind,
  DocumentLine,
  DocumentTotals,
  LineAdjustment,
  Party,
  PaymentMeans,
  PostalAddress,
  SchemedId,
  UblDocument,
  VAT_CATEGORIES,
  VatBreakdown,
  VatCategory,
  VatClassification,
} from './model';

export interface ParsedUblDocument {
  document: UblDocument;
  /** What could not be read, or was read with a change (an amount rounded, a part skipped). */
  issues: FieldProblem[];
}

/** An element as fast-xml-parser gives it: every child element is an array, text is '#text'. */
type XmlNode = { [name: string]: XmlNode[] | string } | string;

// Prefixes are dropped: senders use cac/cbc, ns2/ns3, or default namespaces, all meaning the same.
const xmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const CATEGORIES: ReadonlySet<string> = new Set(VAT_CATEGORIES);

/** Elements read into the model, or known and deliberately ignored, per level; anything else is reported. */
const KNOWN_ROOT = new Set([
  'UBLExtensions',
  'UBLVersionID',
  'CustomizationID',
  'ProfileID',
  'ID',
  'IssueDate',
  'DueDate',
  'InvoiceTypeCode',
  'CreditNoteTypeCode',
  'Note',
  'TaxPointDate',
  'DocumentCurrencyCode',
  'TaxCurrencyCode',
  'AccountingCost',
  'BuyerReference',
  'InvoicePeriod',
  'OrderReference',
  'BillingReference',
  'ContractDocumentReference',
  'AdditionalDocumentReference',
  'AccountingSupplierParty',
  'AccountingCustomerParty',
  'Delivery',
  'PaymentMeans',
  'PaymentTerms',
  'AllowanceCharge',
  'TaxTotal',
  'LegalMonetaryTotal',
  'InvoiceLine',
  'CreditNoteLine',
  'Signature',
]);
const KNOWN_PARTY = new Set([
  'EndpointID',
  'PartyIdentification',
  'PartyName',
  'PostalAddress',
  'PartyTaxScheme',
  'PartyLegalEntity',
  'Contact',
]);
const KNOWN_LINE = new Set([
  'ID',
  'Note',
  'InvoicedQuantity',
  'CreditedQuantity',
  'LineExtensionAmount',
  'InvoicePeriod',
  'OrderLineReference',
  'AllowanceCharge',
  'Item',
  'Price',
  'TaxTotal',
]);
const KNOWN_ITEM = new Set([
  'Description',
  'Name',
  'BuyersItemIdentification',
  'SellersItemIdentification',
  'StandardItemIdentification',
  'OriginCountry',
  'CommodityClassification',
  'ClassifiedTaxCategory',
]);

class UblReader {
  readonly issues: FieldProblem[] = [];

  note(field: string, reason: string): void {
    this.issues.push({ field, reason });
  }

  all(node: XmlNode | undefined, name: string): XmlNode[] {
    if (!node || typeof node === 'string') return [];
    const value = node[name];
    return Array.isArray(value) ? value : [];
  }

  one(node: XmlNode | undefined, name: string): XmlNode | undefined {
    return this.all(node, name)[0];
  }

  path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
    let current = node;
    for (const name of names) current = this.one(current, name);
    return current;
  }

  textOf(node: XmlNode | undefined): string | undefined {
    if (node === undefined) return undefined;
    if (typeof node === 'string') return node;
    const text = node['#text'];
    return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
  }

  text(node: XmlNode | undefined, ...names: string[]): string | undefined {
    const value = this.textOf(this.path(node, ...names));
    return value === '' ? undefined : value;
  }

  attribute(node: XmlNode | undefined, name: string): string | undefined {
    if (!node || typeof node === 'string') return undefined;
    const value = node[`@${name}`];
    return typeof value === 'string' ? value : undefined;
  }

  schemed(node: XmlNode | undefined, scheme = 'schemeID'): SchemedId | undefined {
    const id = this.textOf(node);
    if (!id) return undefined;
    const schemeValue = this.attribute(node, scheme);
    return schemeValue ? { id, scheme: schemeValue } : { id };
  }

  amount(node: XmlNode | undefined, field: string, required = false): Cents | undefined {
    const text = this.textOf(node);
    if (text === undefined || text === '') {
      if (required) this.note(field, 'missing');
      return undefined;
    }
    const value = parseDecimal(text);
    if (!value) {
      this.note(field, `'${text}' is not a number`);
      return undefined;
    }
    if (value.scale > 2) this.note(field, `${text} has more than two decimals; read rounded to two`);
    return rescaleRounded(value.coefficient, value.scale, 2);
  }

  decimal(node: XmlNode | undefined, field: string, required = false): string | undefined {
    const text = this.textOf(node);
    if (text === undefined || text === '') {
      if (required) this.note(field, 'missing');
      return undefined;
    }
    if (!parseDecimal(text)) this.note(field, `'${text}' is not a number`);
    return text;
  }

  reportUnread(node: XmlNode | undefined, known: ReadonlySet<string>, field: string): void {
    if (!node || typeof node === 'string') return;
    for (const name of Object.keys(node)) {
      if (name.startsWith('@') || name === '#text' || known.has(name)) continue;
      this.note(field ? `${field}.${name}` : name, 'not read: not part of the document model');
    }
  }

  vatClassification(node: XmlNode | undefined, field: string): VatClassification {
    const id = this.text(node, 'ID') ?? '';
    if (!CATEGORIES.has(id)) this.note(`${field}.category`, id ? `unknown VAT category '${id}'` : 'missing');
    return dropUndefined({ category: id as VatCategory, rate: this.decimal(this.one(node, 'Percent'), `${field}.rate`) });
  }

  address(node: XmlNode | undefined): PostalAddress | undefined {
    if (!node) return undefined;
    return dropUndefined({
      street: this.text(node, 'StreetName'),
      additionalStreet: this.text(node, 'AdditionalStreetName'),
      addressLine3: this.text(node, 'AddressLine', 'Line'),
      city: this.text(node, 'CityName'),
      postalCode: this.text(node, 'PostalZone'),
      countrySubdivision: this.text(node, 'CountrySubentity'),
      country: this.text(node, 'Country', 'IdentificationCode'),
    });
  }

  party(container: XmlNode | undefined, role: 'seller' | 'buyer'): Party {
    const node = this.one(container, 'Party');
    if (!node) {
      this.note(role, 'missing');
      return {};
    }
    this.reportUnread(node, KNOWN_PARTY, role);
    let vatId: string | undefined;
    let taxRegistrationId: string | undefined;
    for (const scheme of this.all(node, 'PartyTaxScheme')) {
      const companyId = this.text(scheme, 'CompanyID');
      if (!companyId) continue;
      const isVat = (this.text(scheme, 'TaxScheme', 'ID') ?? '').trim().toUpperCase() === 'VAT';
      if (isVat && vatId === undefined) vatId = companyId;
      else if (!isVat && taxRegistrationId === undefined) taxRegistrationId = companyId;
      else this.note(`${role}.vatId`, `another tax scheme id '${companyId}' not read`);
    }
    const identifiers = this.all(node, 'PartyIdentification');
    if (identifiers.length > 1) this.note(`${role}.identifier`, `${identifiers.length - 1} more party identifiers not read`);
    const legal = this.one(node, 'PartyLegalEntity');
    const contact = this.one(node, 'Contact');
    const name = this.text(legal, 'RegistrationName');
    if (!name) this.note(`${role}.name`, 'missing (PartyLegalEntity/RegistrationName)');
    return dropUndefined<Party>({
      name,
      tradingName: this.text(node, 'PartyName', 'Name'),
      identifier: this.schemed(this.one(identifiers[0], 'ID')),
      electronicAddress: this.schemed(this.one(node, 'EndpointID')),
      vatId,
      taxRegistrationId,
      legalRegistrationId: this.text(legal, 'CompanyID'),
      legalForm: this.text(legal, 'CompanyLegalForm'),
      address: this.address(this.one(node, 'PostalAddress')),
      contact: contact
        ? emptyToUndefined(
            dropUndefined({
              name: this.text(contact, 'Name'),
              phone: this.text(contact, 'Telephone'),
              email: this.text(contact, 'ElectronicMail'),
            }),
          )
        : undefined,
    });
  }

  adjustments(
    node: XmlNode | undefined,
    field: string,
    withVat: boolean,
  ): { allowances: LineAdjustment[]; charges: LineAdjustment[] } {
    const allowances: LineAdjustment[] = [];
    const charges: LineAdjustment[] = [];
    for (const element of this.all(node, 'AllowanceCharge')) {
      const indicator = (this.text(element, 'ChargeIndicator') ?? '').trim();
      const isCharge = indicator === 'true' || indicator === '1';
      const target = isCharge ? charges : allowances;
      const itemField = `${field}.${isCharge ? 'charges' : 'allowances'}[${target.length}]`;
      if (indicator !== 'true' && indicator !== 'false' && indicator !== '1' && indicator !== '0')
        this.note(`${itemField}`, `ChargeIndicator '${indicator}' read as allowance`);
      const adjustment: LineAdjustment | DocumentAdjustment = dropUndefined({
        amount: this.amount(this.one(element, 'Amount'), `${itemField}.amount`, true),
        baseAmount: this.amount(this.one(element, 'BaseAmount'), `${itemField}.baseAmount`),
        percent: this.decimal(this.one(element, 'MultiplierFactorNumeric'), `${itemField}.percent`),
        reason: this.text(element, 'AllowanceChargeReason'),
        reasonCode: this.text(element, 'AllowanceChargeReasonCode'),
        vat: withVat ? this.vatClassification(this.one(element, 'TaxCategory'), `${itemField}.vat`) : undefined,
      });
      target.push(adjustment);
    }
    return { allowances, charges };
  }

  line(node: XmlNode, index: number, kind: DocumentKind): DocumentLine {
    const field = `lines[${index}]`;
    this.reportUnread(node, KNOWN_LINE, field);
    const quantityNode =
      this.one(node, kind === 'creditNote' ? 'CreditedQuantity' : 'InvoicedQuantity') ??
      this.one(node, 'InvoicedQuantity') ??
      this.one(node, 'CreditedQuantity');
    const item = this.one(node, 'Item');
    this.reportUnread(item, KNOWN_ITEM, `${field}.item`);
    const price = this.one(node, 'Price');
    if (this.one(price, 'AllowanceCharge'))
      this.note(`${field}.price`, 'gross price and price discount (BT-147, BT-148) not read; the net price is');
    const baseQuantity = this.one(price, 'BaseQuantity');
    const { allowances, charges } = this.adjustments(node, field, false);
    const id = this.text(node, 'ID');
    if (!id) this.note(`${field}.id`, 'missing');
    const name = this.text(item, 'Name');
    if (!name) this.note(`${field}.item.name`, 'missing');
    const unitCode = this.attribute(quantityNode, 'unitCode');
    if (!unitCode) this.note(`${field}.unitCode`, 'missing');
    const period = this.one(node, 'InvoicePeriod');
    const classifications = this.all(item, 'CommodityClassification')
      .map((c) => this.one(c, 'ItemClassificationCode'))
      .filter((c): c is XmlNode => c !== undefined)
      .map((c) => ({ code: this.textOf(c) ?? '', listId: this.attribute(c, 'listID') ?? '' }));
    return dropUndefined<DocumentLine>({
      id: id ?? '',
      note: this.text(node, 'Note'),
      quantity: this.decimal(quantityNode, `${field}.quantity`, true) ?? '',
      unitCode: unitCode ?? '',
      netAmount: this.amount(this.one(node, 'LineExtensionAmount'), `${field}.netAmount`, true),
      period: period ? dropUndefined({ start: this.text(period, 'StartDate'), end: this.text(period, 'EndDate') }) : undefined,
      orderLineReference: this.text(node, 'OrderLineReference', 'LineID'),
      allowances: allowances.length ? allowances : undefined,
      charges: charges.length ? charges : undefined,
      item: dropUndefined({
        name: name ?? '',
        description: this.text(item, 'Description'),
        sellerItemId: this.text(item, 'SellersItemIdentification', 'ID'),
        buyerItemId: this.text(item, 'BuyersItemIdentification', 'ID'),
        standardItemId: this.schemed(this.path(item, 'StandardItemIdentification', 'ID')),
        classifications: classifications.length ? classifications : undefined,
        originCountry: this.text(item, 'OriginCountry', 'IdentificationCode'),
      }),
      vat: this.vatClassification(this.one(item, 'ClassifiedTaxCategory'), `${field}.vat`),
      price: dropUndefined({
        amount: this.decimal(this.one(price, 'PriceAmount'), `${field}.price.amount`, true) ?? '',
        baseQuantity: this.decimal(baseQuantity, `${field}.price.baseQuantity`),
        baseQuantityUnitCode: this.attribute(baseQuantity, 'unitCode'),
      }),
    });
  }
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function emptyToUndefined<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/**
 * Reads a UBL 2.1 Invoice or CreditNote from a supplier into the document model. Never throws on
 * well-formed XML: what it cannot read is listed in `issues`. Throws UblMalformedXmlError otherwise.
 */
/**
 * A DOCTYPE declaration, after the XML declaration, processing instructions and comments. A UBL document has
 * none (the schemas are XSD); refusing it keeps DTD entities, the stuff of XML bombs, from ever being expanded.
 */
const DOCTYPE = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE/i;

export function parseUblXml(xml: string): ParsedUblDocument {
  if (DOCTYPE.test(xml))
    throw new UblMalformedXmlError(
      'a DOCTYPE declaration is refused: UBL documents have none, and its entities are not expanded',
    );
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new UblMalformedXmlError(`${wellFormed.err.msg} (line ${wellFormed.err.line})`);
  const tree = xmlParser.parse(xml) as Record<string, XmlNode[]>;
  const r = new UblReader();

  const rootName = Object.keys(tree).find((name) => !name.startsWith('?') && !name.startsWith('#'));
  const kind: DocumentKind = rootName === 'CreditNote' ? 'creditNote' : 'invoice';
  if (rootName !== 'Invoice' && rootName !== 'CreditNote')
    r.note('kind', `root element '${rootName ?? ''}' is neither Invoice nor CreditNote; read as an invoice`);
  const root = rootName ? tree[rootName]?.[0] : undefined;
  r.reportUnread(root, KNOWN_ROOT, '');

  const required = (value: string | undefined, field: string): string => {
    if (value === undefined) r.note(field, 'missing');
    return value ?? '';
  };
  const currency = required(r.text(root, 'DocumentCurrencyCode'), 'currency');
  const taxCurrency = r.text(root, 'TaxCurrencyCode');

  // BT-110 is the TaxTotal in the document currency, with the breakdown; BT-111 the one in the VAT accounting currency.
  const taxTotals = r.all(root, 'TaxTotal');
  const inCurrency = (code: string | undefined) =>
    taxTotals.find((t) => r.attribute(r.one(t, 'TaxAmount'), 'currencyID') === code);
  const mainTaxTotal = taxTotals.find((t) => r.one(t, 'TaxSubtotal')) ?? inCurrency(currency) ?? taxTotals[0];
  const taxCurrencyTotal =
    taxCurrency && taxCurrency !== currency
      ? taxTotals.find((t) => t !== mainTaxTotal && r.attribute(r.one(t, 'TaxAmount'), 'currencyID') === taxCurrency)
      : undefined;
  if (!mainTaxTotal) r.note('totals.taxTotal', 'missing (TaxTotal)');

  const vatBreakdown: VatBreakdown[] = r.all(mainTaxTotal, 'TaxSubtotal').map((subtotal, i) => {
    const category = r.one(subtotal, 'TaxCategory');
    const vat = r.vatClassification(category, `vatBreakdown[${i}]`);
    return dropUndefined<VatBreakdown>({
      category: vat.category,
      rate: vat.rate,
      taxableAmount: r.amount(r.one(subtotal, 'TaxableAmount'), `vatBreakdown[${i}].taxableAmount`, true) ?? 0n,
      taxAmount: r.amount(r.one(subtotal, 'TaxAmount'), `vatBreakdown[${i}].taxAmount`, true) ?? 0n,
      exemptionReason: r.text(category, 'TaxExemptionReason'),
      exemptionReasonCode: r.text(category, 'TaxExemptionReasonCode'),
    });
  });

  const monetary = r.one(root, 'LegalMonetaryTotal');
  if (!monetary) r.note('totals', 'missing (LegalMonetaryTotal)');
  const total = (name: string, field: keyof DocumentTotals, isRequired = false) =>
    r.amount(r.one(monetary, name), `totals.${field}`, isRequired && !!monetary);
  const totals = dropUndefined<Partial<DocumentTotals>>({
    lineExtension: total('LineExtensionAmount', 'lineExtension', true),
    allowanceTotal: total('AllowanceTotalAmount', 'allowanceTotal'),
    chargeTotal: total('ChargeTotalAmount', 'chargeTotal'),
    taxExclusive: total('TaxExclusiveAmount', 'taxExclusive', true),
    taxTotal: r.amount(r.one(mainTaxTotal, 'TaxAmount'), 'totals.taxTotal', !!mainTaxTotal),
    taxTotalInTaxCurrency: r.amount(r.one(taxCurrencyTotal, 'TaxAmount'), 'totals.taxTotalInTaxCurrency'),
    taxInclusive: total('TaxInclusiveAmount', 'taxInclusive', true),
    prepaid: total('PrepaidAmount', 'prepaid'),
    rounding: total('PayableRoundingAmount', 'rounding'),
    payable: total('PayableAmount', 'payable', true),
  });

  const { allowances, charges } = r.adjustments(root, '', true);
  const paymentMeansNodes = r.all(root, 'PaymentMeans');
  const paymentMeans: PaymentMeans[] = paymentMeansNodes.map((node) => {
    const codeNode = r.one(node, 'PaymentMeansCode');
    const account = r.one(node, 'PayeeFinancialAccount');
    return dropUndefined<PaymentMeans>({
      code: r.textOf(codeNode) ?? '',
      text: r.attribute(codeNode, 'name'),
      remittanceInformation: r.text(node, 'PaymentID'),
      payeeAccount: account
        ? dropUndefined({
            id: r.text(account, 'ID') ?? '',
            name: r.text(account, 'Name'),
            providerId: r.text(account, 'FinancialInstitutionBranch', 'ID'),
          })
        : undefined,
    });
  });
  const orderReference = r.one(root, 'OrderReference');
  const salesOrderReference = r.text(orderReference, 'SalesOrderID');
  const purchaseOrder = r.text(orderReference, 'ID');
  const period = r.one(root, 'InvoicePeriod');
  const delivery = r.one(root, 'Delivery');
  const deliveryLocation = r.one(delivery, 'DeliveryLocation');
  const lineNodes = r.all(root, kind === 'creditNote' ? 'CreditNoteLine' : 'InvoiceLine');
  if (lineNodes.length === 0) r.note('lines', 'no lines');
  const notes = r.all(root, 'Note').map((n) => r.textOf(n) ?? '');
  const precedingInvoices = r
    .all(root, 'BillingReference')
    .map((ref) => r.one(ref, 'InvoiceDocumentReference'))
    .filter((ref): ref is XmlNode => ref !== undefined)
    .map((ref) => dropUndefined({ id: r.text(ref, 'ID') ?? '', issueDate: r.text(ref, 'IssueDate') }));
  const supportingDocuments = r
    .all(root, 'AdditionalDocumentReference')
    .map((ref) => dropUndefined({ id: r.text(ref, 'ID') ?? '', description: r.text(ref, 'DocumentDescription') }));
  if (r.all(root, 'AdditionalDocumentReference').some((ref) => r.one(ref, 'Attachment'))) {
    r.note('supportingDocuments', 'attachments not read; their ids and descriptions are');
  }
  const dueDate =
    kind === 'creditNote' ? (r.text(paymentMeansNodes[0], 'PaymentDueDate') ?? r.text(root, 'DueDate')) : r.text(root, 'DueDate');

  const document = dropUndefined<UblDocument>({
    kind,
    customizationId: r.text(root, 'CustomizationID'),
    profileId: r.text(root, 'ProfileID'),
    id: required(r.text(root, 'ID'), 'id'),
    issueDate: required(r.text(root, 'IssueDate'), 'issueDate'),
    typeCode: r.text(root, kind === 'creditNote' ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'),
    dueDate,
    taxPointDate: r.text(root, 'TaxPointDate'),
    currency,
    taxCurrency,
    buyerReference: r.text(root, 'BuyerReference'),
    accountingReference: r.text(root, 'AccountingCost'),
    notes: notes.length ? notes : undefined,
    invoicePeriod: period
      ? dropUndefined({
          start: r.text(period, 'StartDate'),
          end: r.text(period, 'EndDate'),
          taxPointDateCode: r.text(period, 'DescriptionCode'),
        })
      : undefined,
    // "NA" is the placeholder for BT-13 when only the sales order reference is known.
    purchaseOrderReference: purchaseOrder === 'NA' && salesOrderReference ? undefined : purchaseOrder,
    salesOrderReference,
    contractReference: r.text(root, 'ContractDocumentReference', 'ID'),
    precedingInvoices: precedingInvoices.length ? precedingInvoices : undefined,
    supportingDocuments: supportingDocuments.length ? supportingDocuments : undefined,
    seller: r.party(r.one(root, 'AccountingSupplierParty'), 'seller'),
    buyer: r.party(r.one(root, 'AccountingCustomerParty'), 'buyer'),
    delivery: delivery
      ? emptyToUndefined(
          dropUndefined({
            date: r.text(delivery, 'ActualDeliveryDate'),
            partyName: r.text(delivery, 'DeliveryParty', 'PartyName', 'Name'),
            locationId: r.schemed(r.one(deliveryLocation, 'ID')),
            address: r.address(r.one(deliveryLocation, 'Address')),
          }),
        )
      : undefined,
    paymentMeans: paymentMeans.length ? paymentMeans : undefined,
    paymentTerms: r.text(root, 'PaymentTerms', 'Note'),
    allowances: allowances.length ? (allowances as DocumentAdjustment[]) : undefined,
    charges: charges.length ? (charges as DocumentAdjustment[]) : undefined,
    lines: lineNodes.map((node, i) => r.line(node, i, kind)),
    vatBreakdown,
    totals,
  });
  return { document, issues: r.issues };
}
