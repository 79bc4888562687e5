import { DynamicModule, Global, Module } from '@nestjs/common';
import { createServiceDataSource, openServiceDataSource, serviceDatabaseNames } from '@obolus/database';
import { createEventProducer, createKafka, MESSAGING_MIGRATIONS, OutboxWriter, UnitOfWorkRunner } from '@obolus/messaging';
import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { messagingLoggerOf } from '@obolus/observability';
import { Clock } from './clock';
import { HealthController } from './health.controller';
import { ServiceConfig } from './service-config';
import { ServiceRuntime } from './service-runtime';
import { DATA_SOURCE, EVENT_PRODUCER, KAFKA, LOGGER, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface ServiceModuleOptions {
  service: string;
  config: ServiceConfig;
  logger: Logger;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  /** The service's own migrations; the outbox and inbox tables are added first. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: Function[];
}

/** What every service has: its database (migrated on start), Kafka, the outbox, health. */
@Global()
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { schema } = serviceDatabaseNames(options.service);
    return {
      module: ServiceModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        {
          provide: DATA_SOURCE,
          useFactory: () =>
            openServiceDataSource(
              createServiceDataSource({
                service: options.service,
                url: options.config.DATABASE_URL,
                entities: options.entities ?? [],
                migrations: [...MESSAGING_MIGRATIONS, ...(options.migrations ?? [])],
              }),
            ),
        },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafka(
              { brokers: options.config.KAFKA_BROKERS, clientId: `obolus-${options.service}` },
              messagingLoggerOf(options.logger),
            ),
        },
        {
          provide: EVENT_PRODUCER,
          inject: [KAFKA],
          useFactory: async (kafka: ReturnType<typeof createKafka>) => {
            const producer = createEventProducer(kafka);
            await producer.connect();
            return producer;
          },
        },
        { provide: OutboxWriter, inject: [Clock], useFactory: (clock: Clock) => new OutboxWriter(schema, () => clock.now()) },
        {
          provide: UnitOfWorkRunner,
          inject: [DATA_SOURCE, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) => new UnitOfWorkRunner(dataSource, outbox),
        },
        ServiceRuntime,
        Clock,
      ],
      exports: [
        SERVICE_NAME,
        SERVICE_CONFIG,
        LOGGER,
        DATA_SOURCE,
        KAFKA,
        EVENT_PRODUCER,
        OutboxWriter,
        UnitOfWorkRunner,
        ServiceRuntime,
        Clock,
      ],
    };
  }
}
