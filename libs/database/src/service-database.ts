/**
 * Each service owns one Postgres schema and one login role with rights on that schema only.
 * Names are derived from the service name so that every script and test agrees on them.
 */
export interface ServiceDatabaseNames {
  /** The service, as its folder is named: `efactura-gateway`. */
  service: string;
  /** Its schema: `efactura_gateway`. */
  schema: string;
  /** Its login role: `obolus_efactura_gateway`. */
  role: string;
}

export function serviceDatabaseNames(service: string): ServiceDatabaseNames {
  if (!/^[a-z][a-z0-9-]*$/.test(service)) {
    throw new Error(`invalid service name '${service}': lower-case letters, digits and '-' only`);
  }
  const schema = service.replace(/-/g, '_');
  return { service, schema, role: `obolus_${schema}` };
}

/** The services of Obolus, in the order the stack starts them. */
export const OBOLUS_SERVICES = [
  'identity',
  'subscriptions',
  'payments',
  'invoicing',
  'efactura-gateway',
  'notifications',
] as const;

export type ObolusService = (typeof OBOLUS_SERVICES)[number];
