import { AccountClocks, ScheduleError, UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { PaymentsRepository } from '../../payments.repository';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { InMemoryStripe } from '../../test-support/in-memory-stripe';
import { AdvanceProviderClocksCommand } from './advance-provider-clocks.command';
import { AdvanceProviderClocksUseCase } from './advance-provider-clocks.use-case';

describe('AdvanceProviderClocksUseCase', () => {
  const clock = new SettableClock(new Date('2027-10-04T09:00:00Z'));
  const clockId = '6a0f3d2c-5b1e-4f7a-8c9d-0e1f2a3b4c5d';
  const MONDAY = Date.UTC(2027, 9, 4, 9) / 1000;
  let payments: InMemoryPayments;
  let stripe: InMemoryStripe;
  let steps: string[];
  let advanceObolus: (time: Date) => Promise<void>;
  let useCase: AdvanceProviderClocksUseCase;

  beforeEach(() => {
    payments = new InMemoryPayments();
    stripe = new InMemoryStripe();
    steps = [];
    advanceObolus = async (time) => void steps.push(`obolus clock at ${time.toISOString()}`);
    const work = {
      run: async <T>(task: (uow: UnitOfWork) => Promise<T>) => {
        const result = await task(new RecordingUnitOfWork(clock));
        steps.push('committed');
        return result;
      },
    };
    const clocks = { advance: (_uow: UnitOfWork, _id: string, time: Date) => advanceObolus(time) };
    useCase = new AdvanceProviderClocksUseCase(
      stripe,
      payments as unknown as PaymentsRepository,
      work as unknown as UnitOfWorkRunner,
      clocks as unknown as AccountClocks,
    ).withPolling({ intervalMs: 1, attempts: 5 });
  });

  async function customerOnClock(onClock: string): Promise<string> {
    const accountId = randomUUID();
    const providerClock = await stripe.createTestClock({ frozen_time: MONDAY }, `obolus-test-clock-${accountId}`);
    payments.accountClocks.set(accountId, onClock);
    payments.customers.set(accountId, {
      accountId,
      providerCustomerId: `cus_${accountId}`,
      defaultPaymentMethodId: null,
      defaultPaymentMethodType: null,
      providerTestClockId: providerClock.id,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    return providerClock.id;
  }

  const advance = (frozenTime: string) =>
    useCase.execute(AdvanceProviderClocksCommand.create({ clockId, frozenTime }), new RecordingUnitOfWork(clock));

  it("sets payments' copy of the clock first, then moves each Stripe clock of its accounts to the same time", async () => {
    const first = await customerOnClock(clockId);
    const second = await customerOnClock(clockId);
    const elsewhere = await customerOnClock(randomUUID());
    await advance('2027-10-07T09:00:00Z');
    expect(steps).toEqual(['obolus clock at 2027-10-07T09:00:00.000Z', 'committed']);
    const thursday = MONDAY + 3 * 86_400;
    expect(stripe.advances).toEqual(
      expect.arrayContaining([
        { id: first, frozenTime: thursday },
        { id: second, frozenTime: thursday },
      ]),
    );
    expect(stripe.advances.map((a) => a.id)).not.toContain(elsewhere);
  });

  it('leaves a Stripe clock already at that time alone (a redelivered event), and an older time moves nothing back', async () => {
    await customerOnClock(clockId);
    await advance('2027-10-07T09:00:00Z');
    advanceObolus = async () => {
      throw new ScheduleError('CLOCK_BACKWARDS', 'backwards', 'invalid');
    };
    await advance('2027-10-07T09:00:00Z');
    await advance('2027-10-05T09:00:00Z');
    expect(stripe.advances).toHaveLength(1);
  });

  it('does nothing, not even a unit of work, for a clock whose accounts have no Stripe clock', async () => {
    await advance('2027-10-07T09:00:00Z');
    expect(steps).toEqual([]);
    expect(stripe.advances).toEqual([]);
  });

  it('waits while Stripe is still advancing, and asks to be tried again if it never gets ready', async () => {
    const id = await customerOnClock(clockId);
    const retrieve = stripe.retrieveTestClock.bind(stripe);
    let busy = 2;
    stripe.retrieveTestClock = async (clockToRead: string) => {
      const held = await retrieve(clockToRead);
      return { ...held, status: busy-- > 0 ? 'advancing' : 'ready' } as Stripe.TestHelpers.TestClock;
    };
    await advance('2027-10-07T09:00:00Z');
    expect(stripe.advances).toEqual([{ id, frozenTime: MONDAY + 3 * 86_400 }]);

    busy = 100;
    await expect(advance('2027-10-08T09:00:00Z')).rejects.toMatchObject({ code: 'PROVIDER_CLOCK_BUSY', kind: 'unavailable' });
  });
});
