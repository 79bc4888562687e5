import { PaypalClient } from '@obolus/paypal';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the PayPal sandbox stands in for PayPal, as in e2e
import { PaypalSandbox, startPaypalSandbox } from '@obolus/paypal-sandbox';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../payments/payments.repository';
import { InMemoryPayments } from '../../payments/test-support/in-memory-payments';
import { PaypalPaymentsRepository } from '../paypal-payments.repository';
import { PaypalSettings } from '../paypal-settings';
import { PaypalSettlement } from '../paypal-settlement';
import { CapturePaypalOrderUseCase } from '../use-cases/capture-paypal-order/capture-paypal-order.use-case';
import { RecordPaypalEventUseCase } from '../use-cases/record-paypal-event/record-paypal-event.use-case';
import { StartPaypalCheckoutCommand } from '../use-cases/start-paypal-checkout/start-paypal-checkout.command';
import { StartPaypalCheckoutUseCase } from '../use-cases/start-paypal-checkout/start-paypal-checkout.use-case';
import { RefundSettlement } from '../../refunds/refund-settlement';
import { RefundsRepository } from '../../refunds/refunds.repository';
import { InMemoryRefunds } from '../../refunds/test-support/in-memory-refunds';
import { InMemoryPaypalPayments } from './in-memory-paypal-payments';

export const RETURN_URL = 'https://app.obolus.test/paypal/return';

/**
 * PayPal's use cases over in-memory tables, talking to a real PayPal sandbox (an HTTP server on loopback).
 * Its webhooks go to a listener nobody answers, tried once: a spec reads them (bytes and signed headers)
 * from the sandbox's deliveries and hands them to RecordPaypalEventUseCase as PayPal would post them.
 */
export class PaypalFixture {
  readonly clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  readonly payments = new InMemoryPayments();
  readonly refunds = new InMemoryRefunds();
  paypal!: PaypalSandbox;
  client!: PaypalClient;
  start!: StartPaypalCheckoutUseCase;
  capture!: CapturePaypalOrderUseCase;
  record!: RecordPaypalEventUseCase;

  async open(): Promise<this> {
    this.paypal = await startPaypalSandbox({
      port: 0,
      webhookUrls: ['http://127.0.0.1:9/webhooks/paypal'],
      webhookMaxAttempts: 1,
    });
    this.client = new PaypalClient({
      baseUrl: this.paypal.url,
      clientId: this.paypal.clientId,
      clientSecret: this.paypal.clientSecret,
    });
    const settings = new PaypalSettings(this.paypal.webhookId, RETURN_URL);
    const payments = this.payments as unknown as PaymentsRepository;
    const paypalPayments = new InMemoryPaypalPayments(this.payments) as unknown as PaypalPaymentsRepository;
    const clocks = new InMemoryAccountClocks(this.clock);
    const settlement = new PaypalSettlement(payments, clocks);
    this.start = new StartPaypalCheckoutUseCase(this.client, settings, payments, clocks);
    this.capture = new CapturePaypalOrderUseCase(this.client, paypalPayments, payments, settlement);
    const refunds = new RefundSettlement(this.refunds as unknown as RefundsRepository, payments, clocks);
    this.record = new RecordPaypalEventUseCase(
      this.client,
      settings,
      payments,
      paypalPayments,
      settlement,
      this.capture,
      this.clock,
      refunds,
    );
    return this;
  }

  uow(): RecordingUnitOfWork {
    return new RecordingUnitOfWork(this.clock);
  }

  request(fields: Partial<Parameters<typeof StartPaypalCheckoutCommand.create>[0]> = {}): StartPaypalCheckoutCommand {
    return StartPaypalCheckoutCommand.create({
      accountId: randomUUID(),
      draftId: randomUUID(),
      amountMinor: 54000,
      currency: 'USD',
      description: 'Dream Team (annual), 2026-11-27 – 2027-11-26',
      requestedAt: this.clock.now().toISOString(),
      ...fields,
    });
  }

  /** A payment waiting for its payer, as StartPaypalCheckoutUseCase leaves it. */
  async checkout(fields: Partial<Parameters<typeof StartPaypalCheckoutCommand.create>[0]> = {}) {
    const command = this.request(fields);
    await this.start.execute(command, this.uow());
    const payment = [...this.payments.payments.values()].find((p) => p.draftId === command.draftId)!;
    return { command, payment, orderId: payment.providerOrderId! };
  }

  /** The webhooks the sandbox has sent so far, with their exact bytes and headers. */
  async deliveries(eventType?: string) {
    await this.paypal.webhooksIdle();
    return this.paypal.deliveries().filter((d) => eventType === undefined || d.eventType === eventType);
  }

  async close(): Promise<void> {
    await this.paypal?.close();
  }
}
