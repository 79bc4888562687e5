import { COUNTRY_CODE_PATTERN } from '@obolus/contracts';

const COUNTRY_CODE = new RegExp(COUNTRY_CODE_PATTERN);
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** An ISO 3166-1 alpha-2 code, the rule the events' CountryCode enforces. */
export const isCountryCode = (value: unknown): value is string => typeof value === 'string' && COUNTRY_CODE.test(value);

/** An ISO 4217 code, the rule the events' CurrencyCode enforces. */
export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && CURRENCY_CODE.test(value);
