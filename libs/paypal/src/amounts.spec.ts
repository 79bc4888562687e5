import { fromPaypalMoney, PaypalAmountError, toPaypalMoney } from './amounts';

describe('PayPal amounts', () => {
  it('writes minor units with the currency precision PayPal wants', () => {
    expect(toPaypalMoney({ amountMinor: 119_88, currency: 'USD' })).toEqual({ currency_code: 'USD', value: '119.88' });
    expect(toPaypalMoney({ amountMinor: 5, currency: 'USD' })).toEqual({ currency_code: 'USD', value: '0.05' });
    expect(toPaypalMoney({ amountMinor: 1200, currency: 'JPY' })).toEqual({ currency_code: 'JPY', value: '1200' });
    expect(toPaypalMoney({ amountMinor: 150_00, currency: 'HUF' })).toEqual({ currency_code: 'HUF', value: '150' });
  });

  it('refuses what PayPal cannot carry: fractional forints, currencies it does not take', () => {
    expect(() => toPaypalMoney({ amountMinor: 150_50, currency: 'HUF' })).toThrow(PaypalAmountError);
    expect(() => toPaypalMoney({ amountMinor: 100, currency: 'RON' })).toThrow('PayPal does not take RON.');
    expect(() => toPaypalMoney({ amountMinor: 100, currency: 'constructor' })).toThrow(PaypalAmountError);
  });

  it('reads PayPal values back into the same minor units, without floating point', () => {
    expect(fromPaypalMoney({ currency_code: 'USD', value: '119.88' })).toEqual({ amountMinor: 11988, currency: 'USD' });
    expect(fromPaypalMoney({ currency_code: 'USD', value: '0.1' })).toEqual({ amountMinor: 10, currency: 'USD' });
    expect(fromPaypalMoney({ currency_code: 'USD', value: '7' })).toEqual({ amountMinor: 700, currency: 'USD' });
    expect(fromPaypalMoney({ currency_code: 'HUF', value: '150' })).toEqual({ amountMinor: 15000, currency: 'HUF' });
    expect(() => fromPaypalMoney({ currency_code: 'USD', value: '1.005' })).toThrow(PaypalAmountError);
    expect(() => fromPaypalMoney({ currency_code: 'USD', value: '1e3' })).toThrow(PaypalAmountError);
  });
});
