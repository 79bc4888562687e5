import { Type } from '@sinclair/typebox';

export const Uuid = (description: string) => Type.String({ format: 'uuid', description });
export const Instant = (description: string) => Type.String({ format: 'date-time', description });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' });
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
