import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { accountSearchOf, foldAccents } from '../../account-search-terms';
import { StaffAccountsRepository } from '../../staff-accounts.repository';
import { InMemoryStaffAccounts } from '../../test-support/in-memory-staff-accounts';
import { SearchAccountsCommand } from './search-accounts.command';
import { SearchAccountsUseCase } from './search-accounts.use-case';

const ROMANIAN = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
const FRENCH = '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071';
const CLOSED = '2d70be30-5e3f-4c60-8b5c-3d4e5f607182';
const CLOCK = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('SearchAccountsUseCase', () => {
  const uow = new RecordingUnitOfWork();
  let tables: InMemoryAccounts;
  let staffAccounts: InMemoryStaffAccounts;
  let search: SearchAccountsUseCase;
  const find = async (q: string, limit?: number) =>
    (await search.execute(SearchAccountsCommand.create({ q, ...(limit ? { limit } : {}) }), uow)).accounts;

  beforeEach(() => {
    tables = new InMemoryAccounts();
    tables.seed(
      {
        id: ROMANIAN,
        companyName: 'Fabrica de Ștampile Brașov SRL',
        country: 'RO',
        catalog: 'ro-crm',
        locale: 'ro',
        createdAt: new Date('2026-03-03T09:00:00Z'),
      },
      { id: '3e81cf41-6f40-4d71-9c6d-4e5f60718293', email: 'ana@stampile.ro', createdAt: new Date('2026-03-03T09:00:00Z') },
    );
    tables.seed(
      { id: FRENCH, companyName: 'Crèmerie Dupont', createdAt: new Date('2026-03-02T09:00:00Z') },
      { id: '4f92d052-7051-4e82-8d7e-5f6071829304', email: 'jean@cremerie.fr', createdAt: new Date('2026-03-02T09:00:00Z') },
    );
    tables.users.set('5aa3e163-8162-4f93-9e8f-60718293a415', {
      id: '5aa3e163-8162-4f93-9e8f-60718293a415',
      accountId: FRENCH,
      email: 'compta@fiduciaire-100%.fr',
      role: 'user',
      createdAt: new Date('2026-03-04T09:00:00Z'),
    });
    tables.seed(
      {
        id: CLOSED,
        companyName: 'Brasov Trading',
        status: 'blocked',
        closureRequestedAt: new Date('2026-03-05T10:00:00Z'),
        createdAt: new Date('2026-03-01T09:00:00Z'),
      },
      { id: '6bb4f274-9273-4aa4-8f90-718293a4b526', email: 'owner@brasov-trading.ro' },
    );
    staffAccounts = new InMemoryStaffAccounts(tables);
    staffAccounts.clocks.set(ROMANIAN, CLOCK);
    search = new SearchAccountsUseCase(staffAccounts as unknown as StaffAccountsRepository);
  });

  it('finds company names whatever their case and accents, newest first, with owner, status and test clock', async () => {
    const found = await find('BRASOV');
    expect(found.map((a) => a.accountId)).toEqual([ROMANIAN, CLOSED]);
    expect(found[0]).toEqual({
      accountId: ROMANIAN,
      companyName: 'Fabrica de Ștampile Brașov SRL',
      country: 'RO',
      catalog: 'ro-crm',
      ownerEmail: 'ana@stampile.ro',
      status: 'active',
      closureRequestedAt: null,
      createdAt: '2026-03-03T09:00:00.000Z',
      testClockId: CLOCK,
    });
    expect(found[1]).toMatchObject({ status: 'closure-requested', closureRequestedAt: '2026-03-05T10:00:00.000Z' });
    expect(found[1]).not.toHaveProperty('testClockId');
    expect((await find('cremerie')).map((a) => a.accountId)).toEqual([FRENCH]);
    expect((await find('ștampile')).map((a) => a.accountId)).toEqual([ROMANIAN]);
  });

  it("finds an account by any of its users' addresses, LIKE wildcards taken literally", async () => {
    expect((await find('compta@')).map((a) => a.accountId)).toEqual([FRENCH]);
    expect((await find('100%')).map((a) => a.accountId)).toEqual([FRENCH]);
    expect(await find('1_0%')).toEqual([]);
  });

  it('finds one account by its id, exactly, and keeps to the limit', async () => {
    expect((await find(FRENCH.toUpperCase())).map((a) => a.accountId)).toEqual([FRENCH]);
    expect(await find('0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f61')).toEqual([]);
    expect(await find('r', undefined).catch((e: unknown) => e)).toBeInstanceOf(InvalidCommandError);
    expect((await find('.r', 1)).map((a) => a.accountId)).toEqual([ROMANIAN]);
  });

  it('refuses a search shorter than 2 characters that is not an account id, and a limit over 100, naming the fields', () => {
    expect(() => SearchAccountsCommand.create({ q: ' a ' })).toThrow(
      expect.objectContaining({
        fields: [
          { field: 'q', reason: 'must be at least 2 characters of a company name or an e-mail address, or an account id' },
        ],
      }),
    );
    expect(() => SearchAccountsCommand.create({ q: 'dupont', limit: 101 })).toThrow(
      expect.objectContaining({ fields: [{ field: 'limit', reason: 'must be an integer from 1 to 100' }] }),
    );
    expect(SearchAccountsCommand.create({ q: ' dupont ' })).toMatchObject({ q: 'dupont', limit: 20 });
  });

  it('folds as the database does: the same letters on both sides', () => {
    expect(foldAccents('ȘȚĂÎÂ șțăîâ ŞŢ şţ Éèçñ')).toBe('staia staia st st eecn');
    expect(accountSearchOf('Brașov_%')).toEqual({ pattern: '%brasov\\_\\%%' });
    expect(accountSearchOf(` ${FRENCH.toUpperCase()} `)).toEqual({ accountId: FRENCH });
  });
});
