import { Locale } from '@obolus/contracts';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { companyIdLabel, DOCUMENT_LABELS } from './labels';
import { countryName, formatAmount, formatRate } from './locale-format';

/** DejaVu covers the Romanian (ș, ț, ă, â, î) and French letters that the PDF standard fonts lack. */
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// Read once: every document embeds them, and reading them again costs a third of a render.
const REGULAR = readFileSync(join(fontDir, 'DejaVuSans.ttf'));
const BOLD = readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'));

export interface PdfParty {
  legalName: string;
  vatId?: string;
  companyId?: string;
  tradeRegisterNumber?: string;
  buyerType?: 'business' | 'individual';
  address: { line1: string; line2?: string; city: string; postalCode?: string; countrySubdivision?: string; country: string };
}

/** What an invoice or a credit note shows, its wording already chosen; amounts still in minor units. */
export interface DocumentPage {
  locale: Locale;
  currency: string;
  /** "Facture OBFR-2026-000007"; also the PDF's Title. */
  title: string;
  /** The document number: the PDF's Subject. */
  number: string;
  /** Dates, series, the invoice a credit note corrects, and the like, one per line under the title. */
  headings: string[];
  seller: PdfParty;
  buyer: PdfParty;
  lines: ReadonlyArray<{
    description: string;
    quantity: number;
    unitPriceMinor: number;
    netMinor: number;
    vatRateBasisPoints: number;
  }>;
  /** Each VAT category in words (`vatCategoryInWords`), with its rate and amounts. */
  vatBreakdown: ReadonlyArray<{ category: string; vatRateBasisPoints: number; taxableMinor: number; taxMinor: number }>;
  totals: ReadonlyArray<{ label: string; minor: number; bold?: boolean }>;
  /** Sentences after the totals: how it was paid, why a credit note was issued. */
  notes: string[];
  mentions: string[];
}

const PAGE_LEFT = 50;
const PAGE_RIGHT = 545;

/** Draws a document on A4 pages, in its language, and returns the PDF's bytes. */
export function renderDocumentPdf(page: DocumentPage): Promise<Buffer> {
  const t = DOCUMENT_LABELS[page.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: page.title, Subject: page.number, Author: page.seller.legalName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const amount = (minor: number) => formatAmount(minor, page.currency, page.locale);

  doc.font('bold').fontSize(20).text(page.title);
  doc.font('regular').fontSize(10).moveDown(0.5);
  for (const heading of page.headings) doc.text(heading);
  doc.moveDown();

  const partyBlock = (title: string, party: PdfParty, x: number, y: number) => {
    const width = 240;
    doc.font('bold').text(title, x, y, { width });
    doc.font('regular').text(party.legalName, { width });
    const a = party.address;
    doc.text([a.line1, a.line2].filter(Boolean).join(', '), { width });
    doc.text([a.postalCode, a.city, a.countrySubdivision].filter(Boolean).join(' '), { width });
    doc.text(countryName(a.country, page.locale), { width });
    if (party.vatId) doc.text(`${t.vatId}${t.colon}${party.vatId}`, { width });
    if (party.companyId) {
      doc.text(`${companyIdLabel(a.country, party.buyerType === 'individual', page.locale)}${t.colon}${party.companyId}`, {
        width,
      });
    }
    if (party.tradeRegisterNumber) doc.text(`${t.tradeRegister}${t.colon}${party.tradeRegisterNumber}`, { width });
  };
  const top = doc.y;
  partyBlock(t.seller, page.seller, PAGE_LEFT, top);
  const sellerBottom = doc.y;
  partyBlock(t.buyer, page.buyer, 310, top);
  doc.y = Math.max(sellerBottom, doc.y) + 20;

  const columns = [PAGE_LEFT, 240, 280, 385, 440];
  const columnAt = (i: number) => columns[i] ?? PAGE_RIGHT;
  const widthOf = (i: number) => columnAt(i + 1) - columnAt(i) - 5;
  /** A table row as tall as its tallest cell, so wrapped text never runs into the next row. */
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'bold' : 'regular');
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widthOf(i) })));
    if (doc.y + height > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    cells.forEach((cell, i) => doc.text(cell, columnAt(i), y, { width: widthOf(i), align: i === 0 ? 'left' : 'right' }));
    doc.x = PAGE_LEFT;
    doc.y = y + height + 4;
  };
  row([t.description, t.quantity, t.unitPrice, t.vatRate, t.net], true);
  for (const line of page.lines) {
    row([
      line.description,
      String(line.quantity),
      amount(line.unitPriceMinor),
      formatRate(line.vatRateBasisPoints, page.locale),
      amount(line.netMinor),
    ]);
  }
  doc.moveDown();
  row([t.vatBreakdown, '', t.taxable, t.vatRate, t.vat], true);
  for (const entry of page.vatBreakdown) {
    row([
      entry.category,
      '',
      amount(entry.taxableMinor),
      formatRate(entry.vatRateBasisPoints, page.locale),
      amount(entry.taxMinor),
    ]);
  }
  doc.moveDown();
  for (const total of page.totals) row([total.label, '', '', '', amount(total.minor)], total.bold);
  doc.moveDown();
  doc.font('regular');
  for (const note of page.notes) doc.text(note, PAGE_LEFT, doc.y, { width: PAGE_RIGHT - PAGE_LEFT });
  if (page.mentions.length) {
    doc.moveDown();
    doc
      .font('bold')
      .fontSize(9)
      .text(t.legalMentions, PAGE_LEFT, doc.y, { width: PAGE_RIGHT - PAGE_LEFT });
    doc.font('regular').fontSize(8);
    for (const mention of page.mentions) {
      doc.text(mention, PAGE_LEFT, doc.y, { width: PAGE_RIGHT - PAGE_LEFT });
      doc.moveDown(0.3);
    }
  }
  doc.end();
  return done;
}
