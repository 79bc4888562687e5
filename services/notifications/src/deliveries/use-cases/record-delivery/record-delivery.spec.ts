import { Logger } from '@nestjs/common';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DeliveriesRepository } from '../../deliveries.repository';
import { deliveryOf } from '../../mappers/deliveries-of-events';
import { accountCreated, invoiceIssued, subscriptionExpiring, trialEnding } from '../../test-support/events';
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

  it('records the B6 notice to the owner, in the catalog language when the event has none', async () => {
    const event = subscriptionExpiring({ locale: undefined });
    await recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), new RecordingUnitOfWork(clock));
    expect(deliveries.all()).toEqual([
      expect.objectContaining({
        template: 'subscription-expiring',
        recipients: ['ana@firma.ro'],
        locale: 'ro',
        templateData: event.data,
        status: 'pending',
      }),
    ]);
  });

  it.each([
    ['trial-ending', trialEnding({ ownerEmail: undefined })],
    ['subscription-expiring', subscriptionExpiring({ ownerEmail: undefined })],
  ])('records no %s delivery for an event without the owner address, and logs why', async (template, event) => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const uow = new RecordingUnitOfWork(clock);
      await recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
      expect(deliveries.all()).toEqual([]);
      expect(uow.emitted).toEqual([]);
      expect(log).toHaveBeenCalledWith(
        `no ${template} e-mail for event ${event.id} of account ${event.data.accountId}: nobody to tell: no owner address is known, or every owner and admin muted this notice`,
      );
    } finally {
      log.mockRestore();
    }
  });

  it('refuses a command that owes no e-mail yet names a recipient, or that owes none without saying why', () => {
    const input = deliveryOf(trialEnding());
    expect(() => RecordDeliveryCommand.create({ ...input, noneOwedBecause: 'no owner' })).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'recipients', reason: 'must be empty when no e-mail is owed' })],
      }),
    );
    expect(() => RecordDeliveryCommand.create({ ...input, recipients: [], noneOwedBecause: '' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'noneOwedBecause' })] }),
    );
  });
});
