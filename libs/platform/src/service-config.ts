import { brokerList, ConfigOf, loadConfig, port, url } from './config';

/** The variables every service reads. A service adds its own through `extra`. */
export const serviceConfigSpec = {
  PORT: port('the HTTP port of the service'),
  DATABASE_URL: url("the service's own Postgres connection (its role, its schema)", ['postgres', 'postgresql']),
  KAFKA_BROKERS: brokerList('Kafka bootstrap servers, host:port[,host:port]', '127.0.0.1:9092'),
};

export type ServiceConfig = ConfigOf<typeof serviceConfigSpec>;

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig(serviceConfigSpec, env);
}
