import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { catalogTopics } from '@obolus/contracts';
import { serviceDatabaseNames } from '@obolus/database';
import {
  createEventProducer,
  ensureTopics,
  EventTransportOptions,
  OutboxRelay,
  OutboxWriter,
  ScheduledJobRunner,
} from '@obolus/messaging';
import { messagingLoggerOf } from '@obolus/observability';
import { Kafka, Producer } from 'kafkajs';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ServiceConfig } from './service-config';
import { DATA_SOURCE, EVENT_PRODUCER, KAFKA, LOGGER, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

/**
 * Owns the lifecycle of a service's connections, its outbox relay and its scheduled-job runner. Nest closes the Kafka consumer
 * (the microservice transport) before shutdown hooks run, so by the time this one runs no handler is
 * in flight: the relay stops, then the producer, then the database pool.
 */
@Injectable()
export class ServiceRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;
  /** The relay's own producer, which it may reconnect without disturbing the consumers' dead-letter sends. */
  private readonly relayProducer: Producer;

  constructor(
    @Inject(SERVICE_NAME) readonly service: string,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DATA_SOURCE) readonly dataSource: DataSource,
    @Inject(KAFKA) readonly kafka: Kafka,
    @Inject(EVENT_PRODUCER) readonly producer: Producer,
    @Inject(LOGGER) private readonly logger: Logger,
    readonly outbox: OutboxWriter,
    readonly jobs: ScheduledJobRunner,
  ) {
    this.relayProducer = createEventProducer(kafka);
    this.relay = new OutboxRelay({
      connection: { connectionString: config.DATABASE_URL, application_name: `obolus-${service}-relay` },
      schema: serviceDatabaseNames(service).schema,
      producer: this.relayProducer,
      newProducer: () => createEventProducer(kafka),
      logger: messagingLoggerOf(logger),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, catalogTopics());
    await this.relayProducer.connect();
    this.relay.start();
    // Handlers registered later (a feature's own bootstrap) are claimed from their registration on.
    this.jobs.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
    await this.relay.stop();
    await this.relayProducer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.info('stopped');
  }

  /** What the Kafka transport needs; resolved when the microservice starts listening. */
  eventTransportOptions(): EventTransportOptions {
    return {
      kafka: this.kafka,
      groupId: `obolus.${this.service}`,
      consumerName: this.service,
      dataSource: this.dataSource,
      outbox: this.outbox,
      schema: serviceDatabaseNames(this.service).schema,
      producer: this.producer,
      partitionsConsumedConcurrently: 3,
      logger: messagingLoggerOf(this.logger),
    };
  }
}
