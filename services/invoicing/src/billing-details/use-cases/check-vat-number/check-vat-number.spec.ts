import { InvalidCommandError } from '@obolus/platform';
import { SANDBOX_FAULT_NUMBERS, startViesSandbox, ViesSandbox } from '@obolus/vat';
import { randomUUID } from 'node:crypto';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { viesAt } from '../../../vat-numbers/test-support/vies-stand-ins';
import { CheckVatNumberCommand } from './check-vat-number.command';
import { CheckVatNumberUseCase } from './check-vat-number.use-case';

describe('CheckVatNumberUseCase', () => {
  let sandbox: ViesSandbox;
  let world: InvoicingWorld;
  let useCase: CheckVatNumberUseCase;

  beforeAll(async () => {
    sandbox = await startViesSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    world = new InvoicingWorld();
    world.clock.set('2026-03-02T09:00:00.000Z');
    world.useVies(viesAt(sandbox.url, world.clock));
    useCase = new CheckVatNumberUseCase(world.verifier);
    sandbox.requests.length = 0;
  });

  const check = (accountId: string, vatNumber: string) =>
    useCase.execute(CheckVatNumberCommand.create({ accountId, vatNumber }), world.uow);

  it('answers a valid number with the name and address VIES has for it, stores the check, and saves no billing details', async () => {
    const accountId = await world.signUp({ country: 'FR', catalog: 'fr-crm', locale: 'fr' });
    const answer = await check(accountId, 'fr 40 303 265 045');
    expect(answer).toEqual({
      vatNumber: 'FR40303265045',
      status: 'verified',
      traderName: 'ATELIER DUPONT SAS',
      traderAddress: '8 RUE DES LILAS\n69003 LYON',
      checkedAt: new Date('2026-03-02T09:00:00.000Z'),
    });
    expect(world.vatChecks.rows).toEqual([
      expect.objectContaining({ accountId, countryCode: 'FR', vatNumber: '40303265045', result: 'valid' }),
    ]);
    expect(world.billingDetails.rows.size).toBe(0);
  });

  it('answers a number VIES does not know as invalid, with no name, instead of refusing it', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm', locale: 'en' });
    const answer = await check(accountId, 'DE100000008');
    expect(answer).toMatchObject({ vatNumber: 'DE100000008', status: 'invalid', traderName: null, traderAddress: null });
    expect(world.vatChecks.rows).toEqual([expect.objectContaining({ result: 'invalid' })]);
  });

  it('answers pending when VIES cannot say, and a hidden name ("---") as none', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm', locale: 'en' });
    await expect(check(accountId, SANDBOX_FAULT_NUMBERS.memberStateUnavailable)).resolves.toMatchObject({ status: 'pending' });
    await expect(check(accountId, 'DE108262480')).resolves.toMatchObject({
      status: 'verified',
      traderName: null,
      traderAddress: null,
    });
  });

  it('refuses a malformed or non-EU number before asking VIES, naming vatNumber', () => {
    for (const vatNumber of ['FR00000000001', 'CHE123456789', '']) {
      const create = () => CheckVatNumberCommand.create({ accountId: randomUUID(), vatNumber });
      expect(create).toThrow(InvalidCommandError);
      expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'vatNumber' })] }));
    }
    expect(sandbox.requests).toHaveLength(0);
  });
});
