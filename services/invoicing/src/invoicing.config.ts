import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf, int, optional, ServiceConfig, url } from '@obolus/platform';
import { VIES_PRODUCTION_URL } from '@obolus/vat';

/** invoicing's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const invoicingConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: serviceKeys(
    'the services allowed on /internal routes (invoice PDFs), each with its own secret: notifications:<secret>[,caller:<secret>]',
  ),
  VIES_URL: url(
    'VIES, where VAT numbers are checked (V3): its origin or its REST API base; the local sandbox in development',
    ['http', 'https'],
    VIES_PRODUCTION_URL,
  ),
  EFACTURA_GATEWAY_URL: optional(
    url(
      'efactura-gateway, which keeps the CIUS-RO XML of Romanian invoices and credit notes; invoicing serves it to customers from there (I2)',
      ['http', 'https'],
    ),
  ),
  VIES_TIMEOUT_MS: int('the most one call to VIES may take; a customer saving billing details waits for it', 5_000, 100),
};

export type InvoicingConfig = ServiceConfig & ConfigOf<typeof invoicingConfigSpec>;
