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
