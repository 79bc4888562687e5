import { DynamicModule, Global, Module } from '@nestjs/common';
import { createServiceDataSource, openServiceDataSource, serviceDatabaseNames } from '@obolus/database';
import {
  AccountClocks,
  createEventProducer,
  createKafka,
  JobScheduler,
  MESSAGING_MIGRATIONS,
  OutboxWriter,
  ScheduledJobRunner,
  ScheduledJobsRepository,
  UnitOfWorkRunner,
} from '@obolus/messaging';
import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { messagingLoggerOf } from '@obolus/observability';
import { Clock } from './clock';
import { HealthController } from './health.controller';
import { ServiceConfig } from './service-config';
import { ServiceRuntime } from './service-runtime';
import { AccountClocksConsumer, TestClocksConsumer } from './test-clocks/test-clocks.consumer';
import { AssignAccountClockUseCase } from './test-clocks/use-cases/assign-account-clock/assign-account-clock.use-case';
import { CatchUpTestClockUseCase } from './test-clocks/use-cases/catch-up-test-clock/catch-up-test-clock.use-case';
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
  /**
   * Whether the service learns from account.created which accounts live on a test clock (true by
   * default); identity, which publishes the event, assigns the clock in sign-up instead.
   */
  accountClocksFromEvents?: boolean;
}

/**
 * What every service has: its database (migrated on start), Kafka, the outbox, health, and durable
 * schedules (`JobScheduler`, `AccountClocks`, one `ScheduledJobRunner` polling with the service's
 * lifecycle) following the test clocks (their time from test-clock events, the accounts on them from
 * account.created).
 */
@Global()
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { schema } = serviceDatabaseNames(options.service);
    return {
      module: ServiceModule,
      controllers: [
        HealthController,
        TestClocksConsumer,
        ...(options.accountClocksFromEvents === false ? [] : [AccountClocksConsumer]),
      ],
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
        { provide: ScheduledJobsRepository, useFactory: () => new ScheduledJobsRepository(schema) },
        {
          provide: JobScheduler,
          inject: [ScheduledJobsRepository],
          useFactory: (jobs: ScheduledJobsRepository) => new JobScheduler(jobs),
        },
        {
          provide: AccountClocks,
          inject: [ScheduledJobsRepository, Clock],
          useFactory: (jobs: ScheduledJobsRepository, clock: Clock) => new AccountClocks(jobs, clock),
        },
        {
          provide: ScheduledJobRunner,
          inject: [UnitOfWorkRunner, ScheduledJobsRepository, Clock],
          useFactory: (unitOfWork: UnitOfWorkRunner, repository: ScheduledJobsRepository, clock: Clock) =>
            new ScheduledJobRunner({ unitOfWork, repository, clock, logger: messagingLoggerOf(options.logger) }),
        },
        AssignAccountClockUseCase,
        CatchUpTestClockUseCase,
        ServiceRuntime,
        Clock,
      ],
      exports: [
        ScheduledJobsRepository,
        JobScheduler,
        AccountClocks,
        ScheduledJobRunner,
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
