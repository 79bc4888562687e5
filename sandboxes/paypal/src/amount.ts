import { fromPaypalMoney, isPaypalCurrency, paypalDecimals, toPaypalMoney, type PaypalMoney } from '@obolus/paypal';
import { invalidRequest, unprocessable } from './errors';

/** Reads a request amount as PayPal checks it, answering PayPal's issues; returns ISO minor units. */
export function readAmount(value: unknown, field: string): { currency: string; minor: number } {
  if (typeof value !== 'object' || value === null) {
    throw invalidRequest({
      field,
      location: 'body',
      issue: 'MISSING_REQUIRED_PARAMETER',
      description: 'A required field / parameter is missing.',
    });
  }
  const { currency_code: currency, value: amount } = value as Partial<PaypalMoney>;
  if (typeof currency !== 'string' || currency === '') {
    throw invalidRequest({
      field: `${field}/currency_code`,
      location: 'body',
      issue: 'MISSING_REQUIRED_PARAMETER',
      description: 'A required field / parameter is missing.',
    });
  }
  if (typeof amount !== 'string' || amount === '') {
    throw invalidRequest({
      field: `${field}/value`,
      location: 'body',
      issue: 'MISSING_REQUIRED_PARAMETER',
      description: 'A required field / parameter is missing.',
    });
  }
  if (!isPaypalCurrency(currency)) {
    throw unprocessable({
      field: `${field}/currency_code`,
      value: currency,
      location: 'body',
      issue: 'CURRENCY_NOT_SUPPORTED',
      description: 'Currency code is invalid or is not currently supported.',
    });
  }
  if (!/^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$/.test(amount) || amount.length > 32) {
    throw invalidRequest({
      field: `${field}/value`,
      value: amount,
      location: 'body',
      issue: 'INVALID_PARAMETER_SYNTAX',
      description: 'The value of a field does not conform to the expected format.',
    });
  }
  const decimals = amount.split('.')[1]?.length ?? 0;
  if (decimals > paypalDecimals(currency)) {
    throw unprocessable({
      field: `${field}/value`,
      value: amount,
      location: 'body',
      issue: 'DECIMAL_PRECISION',
      description: 'If the currency supports decimals, only two decimal place precision is supported.',
    });
  }
  const normalised = amount.startsWith('.') ? `0${amount}` : amount.replace(/^-\./, '-0.');
  const minor = fromPaypalMoney({ currency_code: currency, value: normalised }).amountMinor;
  if (minor <= 0) {
    throw unprocessable({
      field: `${field}/value`,
      value: amount,
      location: 'body',
      issue: 'CANNOT_BE_ZERO_OR_NEGATIVE',
      description: 'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.',
    });
  }
  return { currency, minor };
}

export const paypalMoney = (minor: number, currency: string): PaypalMoney => toPaypalMoney({ amountMinor: minor, currency });

/**
 * PayPal's US domestic rate for PayPal checkout, 3.49 % plus 0.49, worked out in the currency's PayPal
 * precision (whole forints for HUF) and given back in ISO minor units. Currencies without decimals pay the
 * percentage only: the sandbox does not know PayPal's fixed fee table.
 */
export function paypalFee(minor: number, currency: string): number {
  const decimals = paypalDecimals(currency);
  const units = Number(toPaypalMoney({ amountMinor: minor, currency }).value.replace('.', ''));
  const fee = Math.round((units * 349) / 10_000) + (decimals === 2 ? 49 : 0);
  return fromPaypalMoney({ currency_code: currency, value: (fee / 10 ** decimals).toFixed(decimals) }).amountMinor;
}
