import { Static, Type } from '@sinclair/typebox';
import {
  COUNTRY_CODE_PATTERN,
  EMAIL_MAX_LENGTH,
  MAX_CHARGE_MINOR,
  MAX_SEATS,
  NAME_MAX_LENGTH,
  SIGNUP_CHANNEL_MAX_LENGTH,
  SIGNUP_CHANNEL_PATTERN,
  SINGLE_LINE_TEXT_PATTERN,
} from './fields';

export const Uuid = (description: string) => Type.String({ format: 'uuid', description });
export const Instant = (description: string) => Type.String({ format: 'date-time', description });
export const CountryCode = Type.String({ pattern: COUNTRY_CODE_PATTERN, description: 'ISO 3166-1 alpha-2 country code' });
export const EmailAddress = (description?: string) =>
  Type.String({ format: 'email', maxLength: EMAIL_MAX_LENGTH, ...(description ? { description } : {}) });
/** A company, person or legal name: one line of visible text. */
export const Name = (description?: string) =>
  Type.String({
    minLength: 1,
    maxLength: NAME_MAX_LENGTH,
    pattern: SINGLE_LINE_TEXT_PATTERN,
    ...(description ? { description } : {}),
  });
export const SignupChannel = Type.String({
  minLength: 1,
  maxLength: SIGNUP_CHANNEL_MAX_LENGTH,
  pattern: SIGNUP_CHANNEL_PATTERN,
  description: 'Decides the trial length (T1)',
});
export const Seats = Type.Integer({ minimum: 1, maximum: MAX_SEATS, description: 'Number of users paid for' });
/** An amount the payment provider is asked to charge. */
export const ChargeAmountMinor = (description: string) =>
  Type.Integer({ minimum: 0, maximum: MAX_CHARGE_MINOR, description: `${description}, in integer minor units of the currency` });
export const Locale = Type.Union([Type.Literal('fr'), Type.Literal('ro'), Type.Literal('en')], {
  description: 'Language of documents and e-mails',
});
export const CatalogCode = Type.Union([Type.Literal('fr-crm'), Type.Literal('ro-crm')], {
  description: 'The product catalog, and with it the seller entity',
});
export const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('user')]);

export const CalendarDate = (description: string) => Type.String({ format: 'date', description });
export const MinorUnits = (description: string) =>
  Type.Integer({ description: `${description}, in integer minor units of the currency` });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' });
export const Edition = Type.String({ minLength: 1, maxLength: 64, description: 'An edition code of the catalog' });
export const Term = Type.Union(
  [
    Type.Literal('monthly'),
    Type.Literal('annual'),
    Type.Literal('prepaid-1'),
    Type.Literal('prepaid-6'),
    Type.Literal('prepaid-12'),
  ],
  { description: 'monthly: every 30 days; annual; prepaid-N: N months paid ahead (ro-crm Premium)' },
);
export const PaymentMethodKind = Type.Union([
  Type.Literal('card'),
  Type.Literal('sepa_debit'),
  Type.Literal('ach_debit'),
  Type.Literal('bank_transfer'),
  Type.Literal('paypal'),
]);

export type Locale = Static<typeof Locale>;
export type CatalogCode = Static<typeof CatalogCode>;
export type Role = Static<typeof Role>;
export type Term = Static<typeof Term>;
export type PaymentMethodKind = Static<typeof PaymentMethodKind>;

/** The same sets as values, for commands and DTOs that check a field against them. */
export const LOCALES: readonly Locale[] = ['fr', 'ro', 'en'];
export const CATALOG_CODES: readonly CatalogCode[] = ['fr-crm', 'ro-crm'];
export const ROLES: readonly Role[] = ['owner', 'admin', 'user'];
export const TERMS: readonly Term[] = ['monthly', 'annual', 'prepaid-1', 'prepaid-6', 'prepaid-12'];
export const PAYMENT_METHOD_KINDS: readonly PaymentMethodKind[] = ['card', 'sepa_debit', 'ach_debit', 'bank_transfer', 'paypal'];

/**
 * The countries of the SEPA area, whose customers are offered SEPA Direct Debit (P1): the EU, the EEA,
 * and Switzerland, the United Kingdom, Monaco, San Marino, Andorra and the Vatican.
 */
export const SEPA_COUNTRIES: ReadonlySet<string> = new Set([
  ...['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT'],
  ...['NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
  ...['IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'SM', 'AD', 'VA'],
]);

/** Why a bank debit is not offered to a customer in `country` (P1: SEPA in the SEPA area, ACH in the US), or null. */
export function debitCountryRefusal(method: PaymentMethodKind, country: string): string | null {
  if (method === 'sepa_debit' && !SEPA_COUNTRIES.has(country)) {
    return `SEPA Direct Debit is offered to customers in the SEPA area only; this account is in ${country}`;
  }
  if (method === 'ach_debit' && country !== 'US') {
    return `ACH Direct Debit is offered to customers in the US only; this account is in ${country}`;
  }
  return null;
}
