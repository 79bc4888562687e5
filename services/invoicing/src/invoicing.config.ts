import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf, ServiceConfig } from '@obolus/platform';

/** invoicing's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const invoicingConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: serviceKeys(
    'the services allowed on /internal routes (invoice PDFs), each with its own secret: notifications:<secret>[,caller:<secret>]',
  ),
};

export type InvoicingConfig = ServiceConfig & ConfigOf<typeof invoicingConfigSpec>;
