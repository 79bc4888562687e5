import { money, MoneyError, multiplyMoney, prorateMoney } from './index';

describe('prorateMoney', () => {
  it('charges the remaining days of the period, rounded half up once', () => {
    // 2 seats at 29.00 added with 17 of 30 days left: 58.00 × 17/30 = 32.8666 -> 32.87
    expect(prorateMoney(multiplyMoney(money(2900, 'EUR'), '2'), 17, 30).amountMinor).toBe(3287);
    // A removed seat is a credit: the sign follows the amount.
    expect(prorateMoney(money(-2900, 'EUR'), 17, 30).amountMinor).toBe(-1643);
    expect(prorateMoney(money(1000, 'RON'), 15, 30).amountMinor).toBe(500);
    expect(prorateMoney(money(1, 'EUR'), 1, 2).amountMinor).toBe(1);
    expect(prorateMoney(money(1000, 'EUR'), 30, 30).amountMinor).toBe(1000);
    expect(prorateMoney(money(1000, 'EUR'), 0, 30).amountMinor).toBe(0);
  });

  it('refuses a fraction outside 0..1', () => {
    expect(() => prorateMoney(money(1000, 'EUR'), 31, 30)).toThrow(MoneyError);
    expect(() => prorateMoney(money(1000, 'EUR'), 1, 0)).toThrow(MoneyError);
    expect(() => prorateMoney(money(1000, 'EUR'), 1.5, 30)).toThrow(MoneyError);
  });
});
