import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf } from '@obolus/observability';

/** invoicing's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const invoicingConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: serviceKeys(
    'the services allowed on /internal routes (invoice PDFs), each with its own secret: notifications:<secret>[,caller:<secret>]',
  ),
};

export type InvoicingConfig = ConfigOf<typeof invoicingConfigSpec>;
