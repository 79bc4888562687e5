import { EU_MEMBER_STATES, EU_STANDARD_RATES, EuMemberState, standardRate, VatError } from '../index';

describe('standard VAT rates', () => {
  // EC, "VAT rates applied in the Member States of the European Union", standard rates in force on 2025-09-01.
  const PUBLISHED_2025_09_01: Record<EuMemberState, string> = {
    AT: '20',
    BE: '21',
    BG: '20',
    CY: '19',
    CZ: '21',
    DE: '19',
    DK: '25',
    EE: '24',
    ES: '21',
    FI: '25.5',
    FR: '20',
    GR: '24',
    HR: '25',
    HU: '27',
    IE: '23',
    IT: '22',
    LT: '21',
    LU: '17',
    LV: '21',
    MT: '18',
    NL: '21',
    PL: '23',
    PT: '23',
    RO: '21',
    SE: '25',
    SI: '22',
    SK: '23',
  };

  it('covers all 27 member states', () => {
    expect(Object.keys(EU_STANDARD_RATES).sort()).toEqual([...EU_MEMBER_STATES].sort());
    expect(EU_MEMBER_STATES).toHaveLength(27);
  });

  it.each(Object.entries(PUBLISHED_2025_09_01))('%s charges %s%% on 2025-09-01', (country, rate) => {
    expect(standardRate(country as EuMemberState, '2025-09-01').ratePercent).toBe(rate);
  });

  it.each([
    ['RO', '2025-07-31', '19', 1900],
    ['RO', '2025-08-01', '21', 2100],
    ['FI', '2024-08-31', '24', 2400],
    ['FI', '2024-09-01', '25.5', 2550],
    ['SK', '2024-12-31', '20', 2000],
    ['SK', '2025-01-01', '23', 2300],
    ['EE', '2023-12-31', '20', 2000],
    ['EE', '2024-01-01', '22', 2200],
    ['EE', '2025-06-30', '22', 2200],
    ['EE', '2025-07-01', '24', 2400],
    ['DE', '2020-12-31', '16', 1600],
    ['DE', '2021-01-01', '19', 1900],
    ['IE', '2021-02-28', '21', 2100],
    ['LU', '2023-06-15', '16', 1600],
    ['LU', '2024-01-01', '17', 1700],
  ])('%s on %s: %s%%', (country, date, percent, basisPoints) => {
    const rate = standardRate(country as EuMemberState, date);
    expect(rate.ratePercent).toBe(percent);
    expect(rate.rateBasisPoints).toBe(basisPoints);
  });

  it('dates each period and names its source', () => {
    expect(standardRate('RO', '2025-01-15')).toMatchObject({ validFrom: '2017-01-01', validTo: '2025-07-31' });
    expect(standardRate('RO', '2026-11-22')).toMatchObject({ validFrom: '2025-08-01', validTo: null });
    expect(standardRate('RO', '2026-11-22').source).toContain('Legea 141/2025');
    for (const periods of Object.values(EU_STANDARD_RATES)) {
      for (const period of periods) expect(period.source).not.toBe('');
      const starts = periods.map((period) => period.validFrom);
      expect([...starts].sort()).toEqual(starts);
    }
  });

  it('refuses a tax point before the table or a bad date', () => {
    expect(() => standardRate('FR', '2019-12-31')).toThrow(VatError);
    expect(() => standardRate('FR', '2025-02-30')).toThrow(VatError);
  });
});
