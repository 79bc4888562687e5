import { Injectable, Logger } from '@nestjs/common';
import { AccountClocks, ScheduleError, UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import Stripe from 'stripe';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { PaymentsError } from '../../payments.errors';
import { PaymentsRepository } from '../../payments.repository';
import { AdvanceProviderClocksCommand } from './advance-provider-clocks.command';

/** How often, and how many times, a Stripe test clock is looked at while it is `advancing`. */
export interface ClockPolling {
  intervalMs: number;
  attempts: number;
}

const DEFAULT_POLLING: ClockPolling = { intervalMs: 50, attempts: 400 };

/**
 * An Obolus test clock moved (test-clock.advanced): payments' copy of the clock's time is set first (in
 * a unit of work of its own, as the catch-up does, so the webhooks of the debits that settle find it), then
 * each Stripe test clock payments created for the customer of an account on it is moved to the same
 * frozen time, and payments waits until Stripe is
 * `ready`, so the bank debits due by then have settled (their webhooks sent) before this service
 * reports the clock caught up. A Stripe clock already there (a redelivered event) is left alone; one
 * still advancing from an earlier move is waited for first. Accounts in real time have no Stripe clock.
 */
@Injectable()
export class AdvanceProviderClocksUseCase {
  private readonly logger = new Logger(AdvanceProviderClocksUseCase.name);
  private polling: ClockPolling = DEFAULT_POLLING;

  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly work: UnitOfWorkRunner,
    private readonly clocks: AccountClocks,
  ) {}

  /** Specs poll faster. */
  withPolling(polling: ClockPolling): this {
    this.polling = polling;
    return this;
  }

  async execute(command: AdvanceProviderClocksCommand, uow: UnitOfWork): Promise<void> {
    const target = Math.floor(new Date(command.frozenTime).getTime() / 1000);
    const providerClocks = await this.payments.providerClocksOf(uow, command.clockId);
    if (providerClocks.length === 0) return;
    // The debits settle by webhook while this event is handled: they must find the clock's new time.
    await this.work.run(async (own) => {
      try {
        await this.clocks.advance(own, command.clockId, new Date(command.frozenTime));
      } catch (error) {
        if (!(error instanceof ScheduleError && error.code === 'CLOCK_BACKWARDS')) throw error;
      }
    });
    for (const providerClockId of providerClocks) {
      const clock = await this.untilReady(await this.stripe.retrieveTestClock(providerClockId));
      if (clock.frozen_time >= target) continue;
      this.logger.log(`moving Stripe test clock ${providerClockId} to ${command.frozenTime} (test clock ${command.clockId})`);
      await this.untilReady(await this.stripe.advanceTestClock(providerClockId, target));
    }
  }

  private async untilReady(clock: Stripe.TestHelpers.TestClock): Promise<Stripe.TestHelpers.TestClock> {
    let current = clock;
    for (let attempt = 0; current.status === 'advancing' && attempt < this.polling.attempts; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, this.polling.intervalMs));
      current = await this.stripe.retrieveTestClock(current.id);
    }
    if (current.status === 'advancing') throw PaymentsError.providerClockBusy(current.id);
    return current;
  }
}
