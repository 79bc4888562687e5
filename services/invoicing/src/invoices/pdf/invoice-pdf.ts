import { moneyToDecimal, money } from '@obolus/money';
import { InvoiceIssuedV1Data } from '@obolus/contracts';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { INVOICE_LABELS, PAYMENT_METHOD_LABELS } from './labels';

/** DejaVu covers the Romanian (ș, ț, ă, â, î) and French letters that the PDF standard fonts lack. */
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// Read once: every invoice embeds them, and reading them again costs a third of a render.
const REGULAR = readFileSync(join(fontDir, 'DejaVuSans.ttf'));
const BOLD = readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'));

export type InvoicePdfContent = Omit<InvoiceIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'>;

function amount(minor: number, currency: string, locale: string): string {
  const decimal = moneyToDecimal(money(minor, currency));
  return `${locale === 'en' ? decimal : decimal.replace('.', ',')} ${currency}`;
}

const percent = (basisPoints: number, locale: string): string => {
  const text = (basisPoints / 100).toFixed(basisPoints % 100 === 0 ? 0 : 2);
  return `${locale === 'en' ? text : text.replace('.', ',')} %`;
};

/** Renders an issued invoice as a one-page A4 PDF, in the invoice's language. */
export function renderInvoicePdf(invoice: InvoicePdfContent): Promise<Buffer> {
  const t = INVOICE_LABELS[invoice.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t.invoice} ${invoice.number}`, Subject: invoice.number, Author: invoice.seller.legalName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);

  doc.font('bold').fontSize(20).text(`${t.invoice} ${invoice.number}`);
  doc.font('regular').fontSize(10).moveDown(0.5);
  doc.text(`${t.issueDate}: ${invoice.issueDate}    ${t.taxPointDate}: ${invoice.taxPointDate}`);
  doc.moveDown();

  const partyBlock = (title: string, party: InvoicePdfContent['seller'], x: number, y: number) => {
    doc.font('bold').text(title, x, y, { width: 240 });
    doc.font('regular').text(party.legalName, { width: 240 });
    const a = party.address;
    doc.text([a.line1, a.line2].filter(Boolean).join(', '), { width: 240 });
    doc.text([a.postalCode, a.city, a.countrySubdivision, a.country].filter(Boolean).join(' '), { width: 240 });
    if (party.vatId) doc.text(`${t.vatId}: ${party.vatId}`, { width: 240 });
    if (party.companyId) doc.text(`${t.companyId}: ${party.companyId}`, { width: 240 });
    if (party.tradeRegisterNumber) doc.text(party.tradeRegisterNumber, { width: 240 });
  };
  const top = doc.y;
  partyBlock(t.seller, invoice.seller, 50, top);
  const sellerBottom = doc.y;
  partyBlock(t.buyer, invoice.buyer, 310, top);
  doc.y = Math.max(sellerBottom, doc.y) + 20;

  const columns = [50, 250, 290, 390, 440];
  const widthOf = (i: number) => (columns[i + 1] ?? 545) - columns[i]! - 5;
  /** A table row as tall as its tallest cell, so wrapped text never runs into the next row. */
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular');
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widthOf(i) })));
    cells.forEach((cell, i) => doc.text(cell, columns[i]!, y, { width: widthOf(i), align: i === 0 ? 'left' : 'right' }));
    doc.x = 50;
    doc.y = y + height + 4;
  };
  row([t.description, t.quantity, t.unitPrice, t.vatRate, t.net], true);
  for (const line of invoice.lines) {
    row([
      line.description,
      String(line.quantity),
      amount(line.unitPriceMinor, invoice.currency, invoice.locale),
      percent(line.vatRateBasisPoints, invoice.locale),
      amount(line.netMinor, invoice.currency, invoice.locale),
    ]);
  }
  doc.moveDown();
  row([t.vatBreakdown, '', t.taxable, t.vatRate, t.vat], true);
  for (const entry of invoice.vatBreakdown) {
    row([
      entry.exemptionReasonCode ? `${entry.vatCategory} (${entry.exemptionReasonCode})` : entry.vatCategory,
      '',
      amount(entry.taxableMinor, invoice.currency, invoice.locale),
      percent(entry.vatRateBasisPoints, invoice.locale),
      amount(entry.taxMinor, invoice.currency, invoice.locale),
    ]);
  }
  doc.moveDown();
  row([t.totalNet, '', '', '', amount(invoice.totals.netMinor, invoice.currency, invoice.locale)]);
  row([t.totalVat, '', '', '', amount(invoice.totals.vatMinor, invoice.currency, invoice.locale)]);
  row([t.totalGross, '', '', '', amount(invoice.totals.grossMinor, invoice.currency, invoice.locale)], true);
  row([t.payable, '', '', '', amount(invoice.totals.payableMinor, invoice.currency, invoice.locale)]);
  doc.moveDown();
  const method = PAYMENT_METHOD_LABELS[invoice.locale][invoice.payment.method] ?? invoice.payment.method;
  doc.font('regular').text(t.paid.replace('{date}', invoice.issueDate).replace('{method}', method), 50);
  if (invoice.legalMention) doc.moveDown().text(invoice.legalMention, 50);
  doc.end();
  return done;
}
