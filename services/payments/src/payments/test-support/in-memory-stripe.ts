import Stripe from 'stripe';
import { OffSessionCharge, RefundAnswer, StripeGateway } from '../../stripe/stripe-gateway';

export type ChargeBehaviour = 'succeeds' | 'declines' | 'processing' | 'unreachable';

/**
 * Stripe in memory, for use-case specs: answers with objects shaped like Stripe's (Customer, SetupIntent,
 * PaymentIntent), honours idempotency keys as Stripe does (the same key answers the same object), and
 * keeps what it was asked so a spec can check the amount, the customer and the keys.
 */
export class InMemoryStripe extends StripeGateway {
  readonly customers = new Map<string, { id: string; params: Stripe.CustomerCreateParams }>();
  readonly setupIntents: Stripe.SetupIntent[] = [];
  /** Every PaymentIntent created, by idempotency key. */
  readonly paymentIntents = new Map<string, { params: Stripe.PaymentIntentCreateParams; answer: OffSessionCharge }>();
  /** Every refund asked, by idempotency key; amounts refunded per PaymentIntent. */
  readonly refunds = new Map<string, { params: Stripe.RefundCreateParams; answer: RefundAnswer }>();
  /** What a new refund does: succeed at once (a card), stay pending (a bank debit), or fail to reach Stripe. */
  nextRefund: 'succeeds' | 'pending' | 'unreachable' = 'succeeds';
  /** What the next new charge does. */
  nextCharge: ChargeBehaviour = 'succeeds';
  private sequence = 0;
  /** PaymentMethod types by id, as a spec declares them; unknown ids are cards. */
  readonly methodTypes = new Map<string, string>();
  /** Test clocks by id; their frozen time moves with advanceTestClock. */
  readonly testClocks = new Map<string, { clock: Stripe.TestHelpers.TestClock; key: string }>();
  /** Every advance asked, in order. */
  readonly advances: { id: string; frozenTime: number }[] = [];

  async paymentMethodType(paymentMethodId: string): Promise<string> {
    return this.methodTypes.get(paymentMethodId) ?? 'card';
  }

  async createTestClock(
    params: Stripe.TestHelpers.TestClockCreateParams,
    idempotencyKey: string,
  ): Promise<Stripe.TestHelpers.TestClock> {
    const earlier = [...this.testClocks.values()].find((c) => c.key === idempotencyKey);
    if (earlier) return earlier.clock;
    const clock = {
      id: `clock_${this.next()}`,
      object: 'test_helpers.test_clock',
      frozen_time: params.frozen_time,
      name: params.name ?? null,
      status: 'ready',
    } as unknown as Stripe.TestHelpers.TestClock;
    this.testClocks.set(clock.id, { clock, key: idempotencyKey });
    return clock;
  }

  async retrieveTestClock(id: string): Promise<Stripe.TestHelpers.TestClock> {
    const held = this.testClocks.get(id);
    if (!held) throw new Error(`No such test_clock: '${id}'`);
    return { ...held.clock };
  }

  async advanceTestClock(id: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock> {
    const held = this.testClocks.get(id);
    if (!held) throw new Error(`No such test_clock: '${id}'`);
    if (frozenTime <= held.clock.frozen_time) throw new Error('The frozen_time must be after the current frozen_time');
    held.clock = { ...held.clock, frozen_time: frozenTime };
    this.advances.push({ id, frozenTime });
    return { ...held.clock };
  }

  async createCustomer(params: Stripe.CustomerCreateParams, idempotencyKey: string): Promise<Pick<Stripe.Customer, 'id'>> {
    const existing = this.customers.get(idempotencyKey);
    if (existing) return { id: existing.id };
    const customer = { id: `cus_${this.next()}`, params };
    this.customers.set(idempotencyKey, customer);
    return { id: customer.id };
  }

  async createSetupIntent(params: Stripe.SetupIntentCreateParams): Promise<Stripe.SetupIntent> {
    const id = `seti_${this.next()}`;
    const intent = {
      id,
      object: 'setup_intent',
      client_secret: `${id}_secret_${this.next()}`,
      customer: params.customer ?? null,
      payment_method: null,
      payment_method_types: params.allowed_payment_method_types ?? ['card'],
      usage: params.usage ?? 'off_session',
      metadata: params.metadata ?? {},
      status: 'requires_payment_method',
    } as unknown as Stripe.SetupIntent;
    this.setupIntents.push(intent);
    return intent;
  }

  async chargeOffSession(params: Stripe.PaymentIntentCreateParams, idempotencyKey: string): Promise<OffSessionCharge> {
    const earlier = this.paymentIntents.get(idempotencyKey);
    if (earlier) return earlier.answer;
    if (this.nextCharge === 'unreachable') throw new Error('connect ECONNREFUSED (Stripe unreachable)');
    const answer = this.answer(params, this.nextCharge);
    this.paymentIntents.set(idempotencyKey, { params, answer });
    return answer;
  }

  async refund(params: Stripe.RefundCreateParams, idempotencyKey: string): Promise<RefundAnswer> {
    const earlier = this.refunds.get(idempotencyKey);
    if (earlier) return earlier.answer;
    if (this.nextRefund === 'unreachable') throw new Error('connect ECONNREFUSED (Stripe unreachable)');
    const charged = [...this.paymentIntents.values()].find((p) => p.answer.intent?.id === params.payment_intent);
    const refunded = [...this.refunds.values()]
      .filter((r) => r.params.payment_intent === params.payment_intent && 'refund' in r.answer)
      .reduce((sum, r) => sum + (r.params.amount ?? 0), 0);
    const left = (charged?.params.amount ?? 0) - refunded;
    const amount = params.amount ?? left;
    const answer: RefundAnswer =
      !charged || amount > left
        ? { refusal: `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})` }
        : {
            refund: {
              id: `re_${this.next()}`,
              object: 'refund',
              amount,
              currency: charged.params.currency,
              payment_intent: params.payment_intent,
              metadata: params.metadata ?? {},
              status: this.nextRefund === 'pending' ? 'pending' : 'succeeded',
            } as unknown as Stripe.Refund,
          };
    this.refunds.set(idempotencyKey, { params: { ...params, amount }, answer });
    return answer;
  }

  /** The PaymentIntent of a charge, as a webhook would carry it. */
  intentOf(idempotencyKey: string): Stripe.PaymentIntent {
    const intent = this.paymentIntents.get(idempotencyKey)?.answer.intent;
    if (!intent) throw new Error(`no PaymentIntent under ${idempotencyKey}`);
    return intent;
  }

  private answer(params: Stripe.PaymentIntentCreateParams, behaviour: Exclude<ChargeBehaviour, 'unreachable'>): OffSessionCharge {
    const intent = {
      id: `pi_${this.next()}`,
      object: 'payment_intent',
      amount: params.amount,
      currency: params.currency,
      customer: params.customer ?? null,
      payment_method: params.payment_method ?? null,
      metadata: params.metadata ?? {},
      status: behaviour === 'succeeds' ? 'succeeded' : behaviour === 'processing' ? 'processing' : 'requires_payment_method',
      last_payment_error:
        behaviour === 'declines'
          ? {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
            }
          : null,
    } as unknown as Stripe.PaymentIntent;
    return behaviour === 'declines' ? { intent, declineCode: 'card_declined' } : { intent };
  }

  private next(): string {
    this.sequence += 1;
    return String(this.sequence).padStart(6, '0');
  }
}
