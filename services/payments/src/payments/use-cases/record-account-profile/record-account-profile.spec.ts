import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../payments.repository';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { RecordAccountProfileCommand } from './record-account-profile.command';
import { RecordAccountProfileUseCase } from './record-account-profile.use-case';

describe('RecordAccountProfileUseCase', () => {
  const clock = new SettableClock(new Date('2027-10-04T09:00:00Z'));

  it("keeps the account's country once; a redelivered account.created changes nothing", async () => {
    const payments = new InMemoryPayments();
    const record = new RecordAccountProfileUseCase(payments as unknown as PaymentsRepository);
    const accountId = randomUUID();
    await record.execute(
      RecordAccountProfileCommand.create({ accountId, country: 'DE', createdAt: '2027-10-04T09:00:00.000Z' }),
      new RecordingUnitOfWork(clock),
    );
    await record.execute(
      RecordAccountProfileCommand.create({ accountId, country: 'FR', createdAt: '2027-10-05T09:00:00.000Z' }),
      new RecordingUnitOfWork(clock),
    );
    expect(payments.profiles.get(accountId)).toEqual({
      accountId,
      country: 'DE',
      createdAt: new Date('2027-10-04T09:00:00.000Z'),
    });
  });

  it('refuses a country that is not an ISO code, naming the field', () => {
    const create = () =>
      RecordAccountProfileCommand.create({ accountId: randomUUID(), country: 'Germany', createdAt: '2027-10-04T09:00:00Z' });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'country' })] }));
  });
});
