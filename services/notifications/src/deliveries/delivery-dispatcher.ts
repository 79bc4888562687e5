import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { DISPATCH_SETTINGS, DispatchSettings } from '../notifications.config';
import { DeliveriesRepository, NewDeliveriesListener } from './deliveries.repository';
import { DispatchDeliveryCommand } from './use-cases/dispatch-delivery/dispatch-delivery.command';
import { DispatchDeliveryUseCase } from './use-cases/dispatch-delivery/dispatch-delivery.use-case';

/**
 * Runs the dispatch of pending deliveries in the background, one unit of work per delivery: woken by
 * the NOTIFY a recording transaction sends when it commits, and polling the table anyway (a missed
 * notification, retries coming due). It stops before the database pool closes, after the delivery in hand.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A notification came while no sleep was waiting for it: the next sleep returns at once. */
  private notified = false;
  private listener?: NewDeliveriesListener;

  constructor(
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    private readonly work: UnitOfWorkRunner,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatchDelivery: DispatchDeliveryUseCase,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.closeListener();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.listen();
        // Several senders drain the due rows together; each claims its own row, so none is sent twice.
        await Promise.all(
          Array.from({ length: Math.max(1, this.settings.concurrency ?? 1) }, async () => {
            while (this.running && (await this.dispatchOne())) failures = 0;
          }),
        );
        failures = 0;
        await this.sleep(this.settings.pollIntervalMs);
      } catch (error) {
        // The database itself failed (a restart, a lost connection): the deliveries stay pending.
        failures += 1;
        this.logger.error(`dispatching deliveries failed (${failures} in a row): ${String(error)}`);
        await this.closeListener();
        await this.sleep(Math.min(this.settings.retryMaxMs, 500 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** One delivery in its own unit of work, committed before the next is claimed; false when none was due. */
  private dispatchOne(): Promise<boolean> {
    return this.work.run((uow) =>
      this.dispatchDelivery.execute(DispatchDeliveryCommand.create({ dueBy: this.clock.now().toISOString() }), uow),
    );
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    const opened: { listener?: NewDeliveriesListener } = {};
    opened.listener = await this.deliveries.listenForNew(
      () => {
        this.notified = true;
        this.wake?.();
      },
      (error) => {
        this.logger.warn(`delivery wake-up connection lost: ${String(error)}`);
        if (opened.listener && this.listener === opened.listener) this.listener = undefined;
      },
    );
    this.listener = opened.listener;
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (!this.running || this.notified) {
        this.notified = false;
        return resolve();
      }
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.notified = false;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
