import { completeUblDocument, lineGrossAmount, percentOf } from './complete-document';
import { canonicalDecimal, divideRounded, formatCents, parseCents, parseDecimal } from './decimal';
import { DocumentLine, UblDocument } from './model';
import { sampleB2bInvoice } from './test-support/sample-documents';

const line = (
  id: string,
  quantity: string,
  price: string,
  vat: DocumentLine['vat'],
  extra: Partial<DocumentLine> = {},
): DocumentLine => ({
  id,
  quantity,
  unitCode: 'H87',
  item: { name: `item ${id}` },
  vat,
  price: { amount: price },
  ...extra,
});

describe('exact decimals', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(-4n, 3n)).toBe(-1n);
  });

  it('formats and reads amounts with two decimals', () => {
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-5n)).toBe('-0.05');
    expect(formatCents(123456n)).toBe('1234.56');
    expect(parseCents('12.3')).toBe(1230n);
    expect(parseCents('-0.01')).toBe(-1n);
    expect(parseCents('1.005')).toBeUndefined();
    expect(parseCents('1e3')).toBeUndefined();
    expect(canonicalDecimal(parseDecimal('19.00')!)).toBe('19');
    expect(canonicalDecimal(parseDecimal('0.50')!)).toBe('0.5');
  });
});

describe('EN 16931 calculation', () => {
  it('rounds each line net amount to two decimals: quantity x price / base quantity', () => {
    expect(lineGrossAmount({ quantity: '3', price: { amount: '0.3333' } })).toBe(100n); // 0.9999
    expect(lineGrossAmount({ quantity: '1', price: { amount: '0.005' } })).toBe(1n); // half up
    expect(lineGrossAmount({ quantity: '-1', price: { amount: '0.005' } })).toBe(-1n); // half away from zero
    expect(lineGrossAmount({ quantity: '46396.67', price: { amount: '7.6453' } })).toBe(35471646n); // 354716.461051
    expect(lineGrossAmount({ quantity: '250', price: { amount: '12.50', baseQuantity: '100' } })).toBe(3125n);
    expect(percentOf(35000n, '12.5')).toBe(4375n);
  });

  it('taxes each category and rate on its own base, and sums the totals from the rounded parts', () => {
    const doc: UblDocument = {
      ...sampleB2bInvoice(),
      lines: [
        line('1', '1', '10.005', { category: 'S', rate: '21' }), // 10.01
        line('2', '1', '10.005', { category: 'S', rate: '21.00' }), // 10.01, same group as "21"
        line('3', '3', '0.3333', { category: 'S', rate: '9' }, { allowances: [{ amount: 10n, reason: 'Promo' }] }), // 1.00 - 0.10
        line('4', '2', '7.50', { category: 'E', rate: '0' }),
      ],
      charges: [{ amount: 500n, reason: 'Transport', vat: { category: 'S', rate: '21' } }],
      allowances: [{ percent: '10', baseAmount: 1000n, reason: 'Discount', vat: { category: 'S', rate: '9' } }],
      vatExemptions: [{ category: 'E', reason: 'Scutit cf. art. 292 Cod fiscal' }],
    };
    const complete = completeUblDocument(doc);
    expect(complete.lines.map((l) => l.netAmount)).toEqual([1001n, 1001n, 90n, 1500n]);
    expect(complete.allowances).toEqual([
      { percent: '10', baseAmount: 1000n, amount: 100n, reason: 'Discount', vat: { category: 'S', rate: '9' } },
    ]);
    expect(complete.vatBreakdown).toEqual([
      // 10.01 + 10.01 + 5.00 = 25.02 x 21 % = 5.2542 -> 5.25
      { category: 'S', rate: '21', taxableAmount: 2502n, taxAmount: 525n },
      // 0.90 - 1.00 = -0.10 x 9 % = -0.009 -> -0.01
      { category: 'S', rate: '9', taxableAmount: -10n, taxAmount: -1n },
      { category: 'E', rate: '0', taxableAmount: 1500n, taxAmount: 0n, exemptionReason: 'Scutit cf. art. 292 Cod fiscal' },
    ]);
    expect(complete.totals).toEqual({
      lineExtension: 3592n,
      allowanceTotal: 100n,
      chargeTotal: 500n,
      taxExclusive: 3992n,
      taxTotal: 524n,
      taxInclusive: 4516n,
      payable: 4516n,
    });
    expect(complete.vatExemptions).toBeUndefined();
  });

  it('fills the exemption reasons that the rules require for AE, K, G and O', () => {
    const reverse = completeUblDocument({
      ...sampleB2bInvoice(1),
      lines: [line('1', '1', '100', { category: 'AE', rate: '0' })],
    });
    expect(reverse.vatBreakdown[0]).toMatchObject({ exemptionReasonCode: 'VATEX-EU-AE', exemptionReason: 'Reverse charge' });
  });

  it('gives the VAT total in RON for a document in another currency, at the exchange rate given', () => {
    const complete = completeUblDocument({ ...sampleB2bInvoice(1), currency: 'USD', taxExchangeRate: '4.3921' });
    expect(complete.taxCurrency).toBe('RON');
    expect(complete.totals.taxTotal).toBe(1888n);
    expect(complete.totals.taxTotalInTaxCurrency).toBe(8292n); // 18.88 x 4.3921 = 82.922848
    expect(complete.taxExchangeRate).toBeUndefined();
  });

  it('subtracts the paid amount and adds the rounding from the amount due', () => {
    const complete = completeUblDocument({ ...sampleB2bInvoice(1), totals: { prepaid: 1000n, rounding: 2n } });
    expect(complete.totals).toMatchObject({ taxInclusive: 10878n, prepaid: 1000n, rounding: 2n, payable: 9880n });
  });

  it('keeps a supplier document as written, and is idempotent', () => {
    const complete = completeUblDocument(sampleB2bInvoice(3));
    expect(completeUblDocument(complete)).toEqual(complete);
  });
});
