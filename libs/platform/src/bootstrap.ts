import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { KafkaEventTransport } from '@obolus/messaging';
import { createLogger, PinoNestLogger, shutdownTelemetry } from '@obolus/observability';
import { Logger } from 'pino';
import { ApiExceptionFilter } from './api-error';
import { ConfigError, ConfigOf, ConfigSpec, loadConfig } from './config';
import { jsonBody } from './json-body';
import { rawBody, RawBodyRoute } from './raw-body';
import { loadServiceConfig, ServiceConfig } from './service-config';
import { ServiceRuntime } from './service-runtime';
import { createValidationPipe } from './validation';

export interface ServiceBootstrap<E extends ConfigSpec = ConfigSpec> {
  service: string;
  /** The service's own variables (its `<service>.config.ts` spec), loaded with the common ones before anything starts. */
  config?: E;
  /** Checks between variables; throws ConfigError naming the one that is wrong. */
  check?: (config: ServiceConfig & ConfigOf<E>) => void;
  /** Builds the service's root module from its validated configuration. */
  module: (config: ServiceConfig & ConfigOf<E>, logger: Logger) => DynamicModule;
  /** Routes whose bodies are files rather than JSON, each with its media types and size cap. */
  rawBodies?: RawBodyRoute[];
  /** Runs once the service listens (e.g. to publish its OpenAPI document). */
  afterStart?: (app: INestApplication) => unknown;
}

/** The service's whole configuration: the common variables and its own; exits with one line naming a bad one. */
export function loadServiceConfigOf<E extends ConfigSpec>(
  bootstrap: Pick<ServiceBootstrap<E>, 'service' | 'config' | 'check'>,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig & ConfigOf<E> {
  const config = { ...loadServiceConfig(env), ...loadConfig(bootstrap.config ?? ({} as E), env) };
  bootstrap.check?.(config);
  return config;
}

/** JSON bodies above this are refused with 413 before any handler runs. */
const BODY_LIMIT = '256kb';

/**
 * Starts a service: configuration first (a bad variable stops the start with one line naming it),
 * then the Nest application with HTTP and the Kafka event transport in one process.
 */
export async function bootstrapService<E extends ConfigSpec>(bootstrap: ServiceBootstrap<E>): Promise<INestApplication> {
  let config: ServiceConfig & ConfigOf<E>;
  try {
    config = loadServiceConfigOf(bootstrap);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${bootstrap.service}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(bootstrap.service);
  const app = await NestFactory.create<NestExpressApplication>(bootstrap.module(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  for (const route of bootstrap.rawBodies ?? []) app.use(route.path, rawBody(route));
  app.use(jsonBody(BODY_LIMIT));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  const runtime = app.get(ServiceRuntime);
  app.connectMicroservice(
    { strategy: new KafkaEventTransport(() => runtime.eventTransportOptions()) },
    { inheritAppConfig: true },
  );
  // Init first: onApplicationBootstrap creates the topics before the consumer subscribes to them.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.PORT, '0.0.0.0');
  logger.info({ port: config.PORT, url: `http://127.0.0.1:${config.PORT}` }, `${bootstrap.service} listening`);
  stopGracefullyOn(app, logger, ['SIGTERM', 'SIGINT']);
  await bootstrap.afterStart?.(app);
  return app;
}

/**
 * On a stop signal: close the application (Kafka consumers first, then the relay, the producer and
 * the pool), flush the last spans, and exit 0. A second signal exits at once.
 */
function stopGracefullyOn(app: INestApplication, logger: Logger, signals: NodeJS.Signals[]): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await app.close();
      await shutdownTelemetry();
      process.exit(0);
    } catch (error) {
      logger.error({ error: String(error) }, 'failed to stop cleanly');
      process.exit(1);
    }
  };
  for (const signal of signals) process.on(signal, (s) => void stop(s));
}

/** For a service's main.ts: start, or print the error and exit non-zero. */
export function runService<E extends ConfigSpec>(bootstrap: ServiceBootstrap<E>): void {
  bootstrapService(bootstrap).catch((error: unknown) => {
    process.stderr.write(
      `${bootstrap.service}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
