import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { BillingDetailsRepository } from '../../billing-details.repository';
import { InMemoryBillingDetails } from '../../test-support/in-memory-billing-details';
import { SaveBillingDetailsCommand, SaveBillingDetailsInput } from './save-billing-details.command';
import { SaveBillingDetailsUseCase } from './save-billing-details.use-case';

const details = (accountId: string, overrides: Partial<SaveBillingDetailsInput> = {}): SaveBillingDetailsInput => ({
  accountId,
  legalName: 'Firma Popescu SRL',
  buyerType: 'business',
  vatNumber: 'RO14040242',
  address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
  extraRecipients: ['finance@popescu.ro'],
  ...overrides,
});

describe('SaveBillingDetailsUseCase', () => {
  let rows: InMemoryBillingDetails;
  let clock: SettableClock;
  let save: SaveBillingDetailsUseCase;

  beforeEach(() => {
    rows = new InMemoryBillingDetails();
    clock = new SettableClock(new Date('2026-03-02T09:00:00.000Z'));
    save = new SaveBillingDetailsUseCase(rows as unknown as BillingDetailsRepository, clock);
  });

  it('saves the details and answers with what was stored, stamped with the time', async () => {
    const accountId = randomUUID();
    const saved = await save.execute(SaveBillingDetailsCommand.create(details(accountId)), new RecordingUnitOfWork());
    expect(saved).toMatchObject({ accountId, legalName: 'Firma Popescu SRL', vatNumber: 'RO14040242', companyId: null });
    expect(saved.updatedAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(rows.rows.get(accountId)).toEqual(saved);
  });

  it('replaces the earlier details of the same account (V1), leaving other accounts alone', async () => {
    const accountId = randomUUID();
    const other = randomUUID();
    await save.execute(SaveBillingDetailsCommand.create(details(accountId)), new RecordingUnitOfWork());
    await save.execute(SaveBillingDetailsCommand.create(details(other)), new RecordingUnitOfWork());
    clock.advance(60_000);
    await save.execute(
      SaveBillingDetailsCommand.create(details(accountId, { legalName: 'Popescu Holding SRL', extraRecipients: [] })),
      new RecordingUnitOfWork(),
    );
    expect(rows.rows.size).toBe(2);
    expect(rows.rows.get(accountId)).toMatchObject({ legalName: 'Popescu Holding SRL', extraRecipients: [] });
    expect(rows.rows.get(other)).toMatchObject({ legalName: 'Firma Popescu SRL' });
  });

  it('refuses details with a country that is not an ISO code, naming the field', () => {
    const create = () =>
      SaveBillingDetailsCommand.create(
        details(randomUUID(), { address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', country: 'ROU' } }),
      );
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'address.country' })] }));
  });
});
