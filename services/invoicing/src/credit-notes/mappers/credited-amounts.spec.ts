import { creditAll, creditAmount, creditLines } from './credited-amounts';

describe('credited amounts', () => {
  const invoice = {
    number: 'OBF-2026-000042',
    currency: 'EUR',
    lines: [
      {
        description: 'Pro, 3 seats, December 2026',
        quantity: 3,
        unitPriceMinor: 3300,
        netMinor: 9900,
        vatCategory: 'S',
        vatRateBasisPoints: 2000,
      },
      {
        description: 'Extra storage 10 GB',
        quantity: 1,
        unitPriceMinor: 499,
        netMinor: 499,
        vatCategory: 'S',
        vatRateBasisPoints: 2000,
      },
    ],
    vatBreakdown: [{ vatCategory: 'S', vatRateBasisPoints: 2000, taxableMinor: 10399, taxMinor: 2080 }],
    totals: { netMinor: 10399, vatMinor: 2080, grossMinor: 12479, paidMinor: 12479, payableMinor: 0 },
  };

  it('credits the whole invoice to the cent', () => {
    expect(creditAll(invoice).totals).toEqual({
      netMinor: 10399,
      vatMinor: 2080,
      grossMinor: 12479,
      paidMinor: 0,
      payableMinor: 12479,
    });
    expect(creditAmount(invoice, 12479, 'refund').lines).toEqual(invoice.lines);
  });

  it('credits one line with its VAT when the amount is that line', () => {
    // 499 + 20 % = 598.8 → 599
    const credited = creditAmount(invoice, 599, 'refund');
    expect(credited.lines).toEqual([invoice.lines[1]]);
    expect(credited.totals).toMatchObject({ netMinor: 499, vatMinor: 100, grossMinor: 599 });
    expect(creditLines(invoice, [0, 0]).totals).toMatchObject({ netMinor: 9900, vatMinor: 1980, grossMinor: 11880 });
  });

  it('credits any other amount exactly, as one line at the invoice rate', () => {
    const credited = creditAmount(invoice, 2970, 'Partial refund of OBF-2026-000042');
    expect(credited.lines).toEqual([
      {
        description: 'Partial refund of OBF-2026-000042',
        quantity: 1,
        unitPriceMinor: 2475,
        netMinor: 2475,
        vatCategory: 'S',
        vatRateBasisPoints: 2000,
      },
    ]);
    expect(credited.totals).toMatchObject({ netMinor: 2475, vatMinor: 495, grossMinor: 2970 });
  });

  it('never loses a cent when no net reaches the amount under rounding', () => {
    for (let gross = 1; gross <= 3000; gross += 1) {
      const { totals, vatBreakdown } = creditAmount(invoice, gross, 'refund');
      expect(totals.grossMinor).toBe(gross);
      expect(totals.netMinor + totals.vatMinor).toBe(gross);
      // BR-CO-17: the VAT is the taxable amount times the rate, within one unit of rounding.
      expect(Math.abs(vatBreakdown[0]!.taxMinor - Math.round(vatBreakdown[0]!.taxableMinor * 0.2))).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the exemption reason of a reverse-charged invoice', () => {
    const reverse = {
      ...invoice,
      lines: invoice.lines.map((line) => ({ ...line, vatCategory: 'AE', vatRateBasisPoints: 0 })),
      vatBreakdown: [
        {
          vatCategory: 'AE',
          vatRateBasisPoints: 0,
          taxableMinor: 10399,
          taxMinor: 0,
          exemptionReasonCode: 'VATEX-EU-AE',
          exemptionReason: 'Reverse charge',
        },
      ],
      totals: { netMinor: 10399, vatMinor: 0, grossMinor: 10399, paidMinor: 10399, payableMinor: 0 },
    };
    const credited = creditAmount(reverse, 1000, 'refund');
    expect(credited.vatBreakdown).toEqual([
      {
        vatCategory: 'AE',
        vatRateBasisPoints: 0,
        taxableMinor: 1000,
        taxMinor: 0,
        exemptionReasonCode: 'VATEX-EU-AE',
        exemptionReason: 'Reverse charge',
      },
    ]);
  });
});
