import { MoneyError } from './money-error';

/**
 * ISO 4217 minor-unit exponents (number of decimals of the minor unit).
 * Source: ISO 4217 list one, as published by SIX Financial Information (the maintenance agency).
 * HUF, CZK and ISK follow ISO even where cash practice differs: invoices must use the ISO exponent.
 */
const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  // Zero decimals
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  PYG: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  RWF: 0,
  // Three decimals
  BHD: 3,
  KWD: 3,
  JOD: 3,
  OMR: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
  // Four decimals (units of account)
  CLF: 4,
  UYW: 4,
  // Two decimals
  EUR: 2,
  RON: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  PLN: 2,
  HUF: 2,
  CZK: 2,
  SEK: 2,
  DKK: 2,
  BGN: 2,
  NOK: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  MDL: 2,
  UAH: 2,
  TRY: 2,
  RSD: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  SGD: 2,
  HKD: 2,
  ILS: 2,
  AED: 2,
  SAR: 2,
  MAD: 2,
  EGP: 2,
  ALL: 2,
  MKD: 2,
  BAM: 2,
  GEL: 2,
  AMD: 2,
  AZN: 2,
  KZT: 2,
  THB: 2,
  MYR: 2,
  IDR: 2,
  PHP: 2,
  TWD: 2,
});

export interface Currency {
  code: string;
  /** Number of decimals of the minor unit: 2 for EUR (cents), 0 for JPY, 3 for KWD. */
  exponent: number;
}

export function isKnownCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

export function currencyOf(code: string): Currency {
  if (typeof code !== 'string' || !isKnownCurrency(code)) {
    throw new MoneyError('UNKNOWN_CURRENCY', `Unknown ISO 4217 currency '${String(code)}'`, [
      { field: 'currency', reason: 'not an ISO 4217 code known to Obolus' },
    ]);
  }
  return { code, exponent: CURRENCY_EXPONENTS[code] };
}

export function knownCurrencies(): string[] {
  return Object.keys(CURRENCY_EXPONENTS).sort();
}
