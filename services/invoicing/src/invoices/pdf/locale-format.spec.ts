import { countryName, formatAmount, formatDate, formatRate } from './locale-format';

const spaced = (s: string) => s.replace(/\u00a0/g, ' ');

describe('locale formats (I5)', () => {
  it("writes a date as each language's reader does", () => {
    expect(formatDate('2026-11-27', 'fr')).toBe('27/11/2026');
    expect(formatDate('2026-11-27', 'ro')).toBe('27.11.2026');
    expect(formatDate('2026-11-27', 'en')).toBe('27 Nov 2026');
    expect(formatDate('2027-01-01', 'fr')).toBe('01/01/2027');
  });

  it("writes an amount with the language's separators and currency, to the cent", () => {
    expect(spaced(formatAmount(123_456, 'EUR', 'fr'))).toBe('1 234,56 €');
    expect(spaced(formatAmount(123_456, 'RON', 'ro'))).toBe('1.234,56 RON');
    expect(formatAmount(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(spaced(formatAmount(900_719_925_474_099, 'EUR', 'fr'))).toBe('9 007 199 254 740,99 €');
    expect(spaced(formatAmount(5, 'EUR', 'fr'))).toBe('0,05 €');
    expect(formatAmount(1_500, 'JPY', 'en')).toBe('JP¥1,500');
  });

  it('writes a VAT rate in basis points as a percentage, never a narrow space that text extraction loses', () => {
    expect(formatRate(2000, 'fr')).toBe('20\u00a0%');
    expect(formatRate(2550, 'fr')).toBe('25,5\u00a0%');
    expect(formatRate(2100, 'ro')).toBe('21\u00a0%');
    expect(formatRate(0, 'en')).toBe('0%');
  });

  it("names a country in the document's language", () => {
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'ro')).toBe('Germania');
    expect(countryName('US', 'en')).toBe('United States');
  });
});
