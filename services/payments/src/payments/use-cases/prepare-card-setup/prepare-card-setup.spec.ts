import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
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
  const accountId = randomUUID();

  beforeEach(() => {
    payments = new InMemoryPayments();
    stripe = new InMemoryStripe();
    prepare = new PrepareCardSetupUseCase(stripe, payments as unknown as PaymentsRepository, clock);
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
});
