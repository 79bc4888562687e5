import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CustomersRepository } from '../../customers.repository';
import { InMemoryCustomers } from '../../test-support/in-memory-customers';
import { RecordCustomerCommand, RecordCustomerInput } from './record-customer.command';
import { RecordCustomerUseCase } from './record-customer.use-case';

const signUp = (overrides: Partial<RecordCustomerInput> = {}): RecordCustomerInput => ({
  accountId: randomUUID(),
  companyName: 'Firma Popescu SRL',
  ownerEmail: 'ana@popescu.ro',
  country: 'RO',
  catalog: 'ro-crm',
  locale: 'ro',
  createdAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

describe('RecordCustomerUseCase', () => {
  let customers: InMemoryCustomers;
  let recordCustomer: RecordCustomerUseCase;

  beforeEach(() => {
    customers = new InMemoryCustomers();
    recordCustomer = new RecordCustomerUseCase(customers as unknown as CustomersRepository);
  });

  it('keeps the owner address and language the invoices will use', async () => {
    const input = signUp();
    await recordCustomer.execute(RecordCustomerCommand.create(input), new RecordingUnitOfWork());
    expect(customers.rows.get(input.accountId)).toEqual({
      accountId: input.accountId,
      companyName: 'Firma Popescu SRL',
      ownerEmail: 'ana@popescu.ro',
      country: 'RO',
      catalog: 'ro-crm',
      locale: 'ro',
      createdAt: new Date('2026-03-02T09:00:00.000Z'),
    });
  });

  it('keeps the first record of a sign-up delivered twice', async () => {
    const input = signUp();
    await recordCustomer.execute(RecordCustomerCommand.create(input), new RecordingUnitOfWork());
    await recordCustomer.execute(
      RecordCustomerCommand.create({ ...input, ownerEmail: 'other@popescu.ro' }),
      new RecordingUnitOfWork(),
    );
    expect(customers.rows.size).toBe(1);
    expect(customers.rows.get(input.accountId)?.ownerEmail).toBe('ana@popescu.ro');
  });

  it('refuses a sign-up with an unknown locale, naming the field', () => {
    const create = () => RecordCustomerCommand.create(signUp({ locale: 'de' as 'fr' }));
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'locale' })] }));
  });
});
