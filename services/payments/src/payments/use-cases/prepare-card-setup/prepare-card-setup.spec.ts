import { InvalidCommandError } from '@obolus/platform';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../payments.repository';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { InMemoryStripe } from '../../test-support/in-memory-stripe';
import { CardSetupMethodType, PrepareCardSetupCommand } from './prepare-card-setup.command';
import { PrepareCardSetupUseCase } from './prepare-card-setup.use-case';

describe('PrepareCardSetupUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  let payments: InMemoryPayments;
  let stripe: InMemoryStripe;
  let prepare: PrepareCardSetupUseCase;
  let clocks: InMemoryAccountClocks;
  const accountId = randomUUID();

  beforeEach(() => {
    payments = new InMemoryPayments();
    stripe = new InMemoryStripe();
    clocks = new InMemoryAccountClocks(clock);
    prepare = new PrepareCardSetupUseCase(stripe, payments as unknown as PaymentsRepository, clock, clocks);
  });

  const command = (paymentMethodTypes?: CardSetupMethodType[]) =>
    PrepareCardSetupCommand.create({ accountId, email: 'owner@atelier.fr', paymentMethodTypes });

  it("creates the account's Stripe customer and a SetupIntent for a card, off-session", async () => {
    const setup = await prepare.execute(command(), new RecordingUnitOfWork(clock));
    const [customer] = [...stripe.customers.entries()];
    expect(customer).toEqual([
      `obolus-customer-${accountId}`,
      { id: setup.providerCustomerId, params: { email: 'owner@atelier.fr', metadata: { account_id: accountId } } },
    ]);
    expect(payments.customers.get(accountId)).toMatchObject({
      providerCustomerId: setup.providerCustomerId,
      defaultPaymentMethodId: null,
    });
    expect(stripe.setupIntents).toEqual([
      expect.objectContaining({
        id: setup.setupIntentId,
        client_secret: setup.clientSecret,
        customer: setup.providerCustomerId,
        payment_method_types: ['card'],
        usage: 'off_session',
        metadata: { account_id: accountId },
      }),
    ]);
  });

  it('keeps one customer per account across set-ups, and offers the methods asked for', async () => {
    payments.profiles.set(accountId, { accountId, country: 'DE', createdAt: clock.now() });
    const first = await prepare.execute(command(), new RecordingUnitOfWork(clock));
    const second = await prepare.execute(command(['card', 'sepa_debit']), new RecordingUnitOfWork(clock));
    expect(second.providerCustomerId).toBe(first.providerCustomerId);
    expect(second.setupIntentId).not.toBe(first.setupIntentId);
    expect(stripe.customers.size).toBe(1);
    expect(stripe.setupIntents[1]).toMatchObject({ payment_method_types: ['card', 'sepa_debit'] });
  });

  it('refuses a method Obolus does not collect, naming the field', () => {
    const create = () => command(['bitcoin' as CardSetupMethodType]);
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'paymentMethodTypes' })] }));
  });

  it('offers SEPA to a German account and ACH to an American one, with a SetupIntent of that type', async () => {
    const american = randomUUID();
    payments.profiles.set(accountId, { accountId, country: 'DE', createdAt: clock.now() });
    payments.profiles.set(american, { accountId: american, country: 'US', createdAt: clock.now() });
    await prepare.execute(command(['sepa_debit']), new RecordingUnitOfWork(clock));
    await prepare.execute(
      PrepareCardSetupCommand.create({ accountId: american, email: 'owner@acme.com', paymentMethodTypes: ['us_bank_account'] }),
      new RecordingUnitOfWork(clock),
    );
    expect(stripe.setupIntents.map((si) => si.payment_method_types)).toEqual([['sepa_debit'], ['us_bank_account']]);
  });

  it('refuses ACH to a French account and SEPA to an American one with a 422 naming paymentMethodTypes; nothing is created', async () => {
    const american = randomUUID();
    payments.profiles.set(accountId, { accountId, country: 'FR', createdAt: clock.now() });
    payments.profiles.set(american, { accountId: american, country: 'US', createdAt: clock.now() });
    const refusal = {
      code: 'PAYMENT_METHOD_NOT_OFFERED',
      kind: 'unprocessable',
      fields: [{ field: 'paymentMethodTypes', reason: expect.stringContaining('us_bank_account') }],
    };
    await expect(prepare.execute(command(['card', 'us_bank_account']), new RecordingUnitOfWork(clock))).rejects.toMatchObject(
      refusal,
    );
    await expect(
      prepare.execute(
        PrepareCardSetupCommand.create({ accountId: american, email: 'owner@acme.com', paymentMethodTypes: ['sepa_debit'] }),
        new RecordingUnitOfWork(clock),
      ),
    ).rejects.toMatchObject({ code: 'PAYMENT_METHOD_NOT_OFFERED', fields: [{ field: 'paymentMethodTypes' }] });
    expect(stripe.customers.size).toBe(0);
    expect(stripe.setupIntents).toEqual([]);
    expect(payments.customers.size).toBe(0);
  });

  it('asks to try again (unavailable) when account.created has not reached payments yet', async () => {
    await expect(prepare.execute(command(['sepa_debit']), new RecordingUnitOfWork(clock))).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_YET_KNOWN',
      kind: 'unavailable',
    });
    expect(stripe.customers.size).toBe(0);
  });

  it("puts the customer of an account on a test clock on a Stripe test clock of its own, at the account's time", async () => {
    clocks.onTestClock(accountId, 'c7d3f1a8-8d1e-4c55-9f5a-0c2b9e7d6a11', new Date('2027-10-04T09:00:00Z'));
    const setup = await prepare.execute(command(), new RecordingUnitOfWork(clock));
    const [[key, held]] = [...stripe.testClocks.values()].map((c) => [c.key, c.clock] as const);
    expect(key).toBe(`obolus-test-clock-${accountId}`);
    expect(held.frozen_time).toBe(Date.UTC(2027, 9, 4, 9) / 1000);
    expect([...stripe.customers.values()][0]!.params).toMatchObject({ test_clock: held.id });
    expect(payments.customers.get(accountId)).toMatchObject({
      providerCustomerId: setup.providerCustomerId,
      providerTestClockId: held.id,
    });
  });
});
