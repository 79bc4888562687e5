import {
  addMoney,
  currencyOf,
  money,
  moneyFromDecimal,
  MoneyError,
  moneyToDecimal,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
} from './index';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe('currencies', () => {
  it.each([
    ['EUR', 2],
    ['RON', 2],
    ['USD', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['CHF', 2],
    ['PLN', 2],
    ['HUF', 2],
    ['CZK', 2],
    ['SEK', 2],
    ['DKK', 2],
    ['BGN', 2],
  ])('%s has ISO 4217 exponent %i', (code, exponent) => {
    expect(currencyOf(code).exponent).toBe(exponent);
  });

  it('refuses an unknown or lower-case code', () => {
    expect(codeOf(() => currencyOf('XYZ'))).toBe('UNKNOWN_CURRENCY');
    expect(codeOf(() => money(1, 'eur'))).toBe('UNKNOWN_CURRENCY');
  });
});

describe('Money', () => {
  it('refuses a non-integer or unsafe minor amount instead of rounding it', () => {
    expect(codeOf(() => money(10.5, 'EUR'))).toBe('NON_INTEGER_MINOR_AMOUNT');
    expect(codeOf(() => money(Number.NaN, 'EUR'))).toBe('NON_INTEGER_MINOR_AMOUNT');
    expect(codeOf(() => money(2 ** 60, 'EUR'))).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it('carries the error shape {code, message, fields}', () => {
    try {
      addMoney(money(1, 'EUR'), money(1, 'RON'));
      throw new Error('expected a MoneyError');
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyError);
      const moneyError = error as MoneyError;
      expect(moneyError.code).toBe('CURRENCY_MISMATCH');
      expect(moneyError.message).toBe('Cannot combine EUR with RON');
      expect(moneyError.fields).toEqual([{ field: 'currency', reason: 'expected EUR, got RON' }]);
    }
  });

  it('refuses to mix currencies in every operation', () => {
    expect(codeOf(() => subtractMoney(money(1, 'EUR'), money(1, 'USD')))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => sumMoney([money(1, 'EUR'), money(1, 'USD')], 'EUR'))).toBe('CURRENCY_MISMATCH');
  });

  it('converts decimals exactly, using each currency exponent', () => {
    expect(moneyFromDecimal('12.30', 'EUR')).toEqual({ amountMinor: 1230, currency: 'EUR' });
    expect(moneyFromDecimal('1500', 'JPY')).toEqual({ amountMinor: 1500, currency: 'JPY' });
    expect(moneyFromDecimal('1.234', 'KWD')).toEqual({ amountMinor: 1234, currency: 'KWD' });
    expect(moneyFromDecimal('-0.5', 'RON')).toEqual({ amountMinor: -50, currency: 'RON' });
    expect(moneyFromDecimal('7.100', 'EUR').amountMinor).toBe(710);
    expect(codeOf(() => moneyFromDecimal('0.001', 'EUR'))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => moneyFromDecimal('1.5', 'JPY'))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => moneyFromDecimal('1,50', 'EUR'))).toBe('INVALID_DECIMAL');
  });

  it('prints the currency decimals', () => {
    expect(moneyToDecimal(money(5, 'EUR'))).toBe('0.05');
    expect(moneyToDecimal(money(-1234, 'KWD'))).toBe('-1.234');
    expect(moneyToDecimal(money(1500, 'JPY'))).toBe('1500');
    expect(moneyToDecimal(negateMoney(money(0, 'EUR')))).toBe('0.00');
  });

  it('multiplies by a decimal factor with one half-up rounding', () => {
    expect(multiplyMoney(money(999, 'EUR'), '3').amountMinor).toBe(2997);
    expect(multiplyMoney(money(5, 'EUR'), '0.5').amountMinor).toBe(3);
    expect(multiplyMoney(money(-5, 'EUR'), '0.5').amountMinor).toBe(-3);
  });
});
