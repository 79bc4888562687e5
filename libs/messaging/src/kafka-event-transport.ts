import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { EventContract, findEventContract } from '@obolus/contracts';
import { lastValueFrom } from 'rxjs';
import { EventConsumer, EventConsumerOptions } from './event-consumer';
import { EventHandlerRegistration } from './event-handler';

export type EventTransportOptions = Omit<EventConsumerOptions, 'registrations'> & {
  /** Resolves an `@EventPattern` to its contract; the shared catalog by default. */
  contractOf?: (type: string) => EventContract | undefined;
};

/**
 * A Nest microservice transport over our EventConsumer. Nest's own Kafka transport retries a
 * throwing handler forever, has no dead-letter topic and no inbox (see docs/messaging.md), so
 * handlers are declared the Nest way, `@EventPattern(AccountCreatedV1.type)`, and this strategy
 * gives them our delivery guarantees. The pattern is the CloudEvents type.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  /** Options are resolved when Nest starts listening, after the application's providers exist. */
  constructor(private readonly resolveOptions: () => EventTransportOptions | Promise<EventTransportOptions>) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const options = await this.resolveOptions();
      const contractOf = options.contractOf ?? findEventContract;
      const registrations: EventHandlerRegistration[] = [...this.messageHandlers.entries()].map(([pattern, handler]) => {
        const contract = contractOf(pattern);
        if (!contract) throw new Error(`@EventPattern('${pattern}') names no event contract`);
        return {
          contract,
          // Nest chains a second @EventPattern of the same type (another controller) through `next`:
          // each runs, in declaration order, in the same unit of work.
          handle: async (event, context) => {
            for (let current: typeof handler | undefined = handler; current; current = current.next) {
              const result = await current(event, context);
              await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
            }
          },
        };
      });
      if (registrations.length === 0) return callback();
      this.consumer = new EventConsumer({ ...options, registrations });
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  get eventConsumer(): EventConsumer | undefined {
    return this.consumer;
  }

  on(): never {
    throw new Error('KafkaEventTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaEventTransport is not listening');
    return this.consumer as T;
  }
}
