import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DeliveriesRepository } from '../../deliveries.repository';
import { deliveryOf } from '../../mappers/deliveries-of-events';
import { accountCreated, invoiceIssued } from '../../test-support/events';
import { InMemoryDeliveries } from '../../test-support/in-memory-deliveries';
import { RecordDeliveryCommand } from './record-delivery.command';
import { RecordDeliveryUseCase } from './record-delivery.use-case';

describe('RecordDeliveryUseCase', () => {
  let deliveries: InMemoryDeliveries;
  let clock: SettableClock;
  let recordDelivery: RecordDeliveryUseCase;

  beforeEach(() => {
    deliveries = new InMemoryDeliveries();
    clock = new SettableClock(new Date('2026-11-27T09:00:05.000Z'));
    recordDelivery = new RecordDeliveryUseCase(deliveries as unknown as DeliveriesRepository, clock);
  });

  it('records the welcome e-mail as pending, due at once, and sends nothing itself', async () => {
    const event = accountCreated();
    const uow = new RecordingUnitOfWork(clock);
    await recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
    expect(deliveries.all()).toEqual([
      expect.objectContaining({
        accountId: event.data.accountId,
        template: 'welcome',
        recipients: ['owner@atelier-dupont.fr'],
        locale: 'fr',
        causeEventId: event.id,
        templateData: event.data,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date('2026-11-27T09:00:05.000Z'),
      }),
    ]);
    expect(uow.emitted).toEqual([]);
  });

  it('records one delivery for an event delivered twice', async () => {
    const command = RecordDeliveryCommand.create(deliveryOf(invoiceIssued(Buffer.from('%PDF'))));
    await recordDelivery.execute(command, new RecordingUnitOfWork(clock));
    await recordDelivery.execute(command, new RecordingUnitOfWork(clock));
    expect(deliveries.all()).toHaveLength(1);
  });

  it('writes each recipient once, however often the event names it', async () => {
    const event = invoiceIssued(Buffer.from('%PDF'), {
      recipients: ['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr', 'owner@atelier-dupont.fr'],
    });
    await recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), new RecordingUnitOfWork(clock));
    expect(deliveries.all()[0]!.recipients).toEqual(['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr']);
  });

  it('refuses an e-mail to nobody, in a language without templates, naming the fields', () => {
    const input = { ...deliveryOf(accountCreated()), recipients: [], locale: 'de' as 'fr' };
    const create = () => RecordDeliveryCommand.create(input);
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'locale' }), expect.objectContaining({ field: 'recipients' })],
      }),
    );
    expect(deliveries.all()).toEqual([]);
  });
});
