import { authConfigSpec } from '@obolus/auth';
import { ConfigOf, ServiceConfig } from '@obolus/platform';

/** efactura-gateway's own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const efacturaGatewayConfigSpec = {
  ...authConfigSpec,
};

export type EfacturaGatewayConfig = ServiceConfig & ConfigOf<typeof efacturaGatewayConfigSpec>;
