import { InvalidCommandError } from '@obolus/platform';
import { SANDBOX_FAULT_NUMBERS, startViesSandbox, ViesSandbox } from '@obolus/vat';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { viesAt } from '../../../vat-numbers/test-support/vies-stand-ins';
import { VAT_RECHECK_JOB } from '../../../vat-numbers/vat-recheck-schedule';
import { SaveBillingDetailsCommand, SaveBillingDetailsInput } from './save-billing-details.command';

const details = (accountId: string, overrides: Partial<SaveBillingDetailsInput> = {}): SaveBillingDetailsInput => ({
  accountId,
  legalName: 'Firma Popescu SRL',
  buyerType: 'business',
  vatNumber: 'RO14040242',
  address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
  extraRecipients: ['finance@popescu.ro'],
  ...overrides,
});

const german = (accountId: string, vatNumber: string): SaveBillingDetailsInput =>
  details(accountId, {
    legalName: 'Beispiel GmbH',
    vatNumber,
    address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  });

describe('SaveBillingDetailsUseCase', () => {
  let sandbox: ViesSandbox;
  let world: InvoicingWorld;

  beforeAll(async () => {
    sandbox = await startViesSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    world = new InvoicingWorld();
    world.clock.set('2026-03-02T09:00:00.000Z');
    world.useVies(viesAt(sandbox.url, world.clock));
    sandbox.requests.length = 0;
  });

  it('saves the details and answers with what was stored, stamped with the time', async () => {
    const accountId = randomUUID();
    const saved = await world.setBillingDetails(details(accountId));
    expect(saved).toMatchObject({ accountId, legalName: 'Firma Popescu SRL', vatNumber: 'RO14040242', companyId: null });
    expect(saved.updatedAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(world.billingDetails.rows.get(accountId)).toEqual(saved);
  });

  it('replaces the earlier details of the same account (V1), leaving other accounts alone', async () => {
    const accountId = randomUUID();
    const other = randomUUID();
    await world.setBillingDetails(details(accountId));
    await world.setBillingDetails(details(other));
    world.clock.advance(60_000);
    await world.setBillingDetails(details(accountId, { legalName: 'Popescu Holding SRL', extraRecipients: [] }));
    expect(world.billingDetails.rows.size).toBe(2);
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ legalName: 'Popescu Holding SRL', extraRecipients: [] });
    expect(world.billingDetails.rows.get(other)).toMatchObject({ legalName: 'Firma Popescu SRL' });
  });

  it('refuses details with a country that is not an ISO code, naming the field', () => {
    const create = () =>
      SaveBillingDetailsCommand.create(
        details(randomUUID(), { address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', country: 'ROU' } }),
      );
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'address.country' })] }));
  });

  it('marks a number VIES finds valid as verified, and stores the check with its consultation number (V3)', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm', locale: 'en' });
    const saved = await world.setBillingDetails(german(accountId, 'DE 108262480'));
    const [check] = world.vatChecks.rows;
    expect(saved).toMatchObject({ vatNumber: 'DE 108262480', vatStatus: 'verified', vatCheckId: check!.id });
    expect(saved.vatCheckedAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(check).toMatchObject({
      accountId,
      countryCode: 'DE',
      vatNumber: '108262480',
      result: 'valid',
      reason: null,
      // Asked as Obolus SAS, the seller of the fr-crm catalog.
      requestIdentifier: expect.stringMatching(/^WAPISANDBOX\d{8}$/),
      rawResponse: expect.objectContaining({ valid: true, countryCode: 'DE', vatNumber: '108262480' }),
      responseDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(world.jobs.planned).toEqual([]);
  });

  it('asks anonymously before the sign-up reached invoicing: verified all the same, without a consultation number', async () => {
    const accountId = randomUUID();
    const saved = await world.setBillingDetails(german(accountId, 'DE108262480'));
    expect(saved.vatStatus).toBe('verified');
    expect(world.vatChecks.rows).toEqual([expect.objectContaining({ result: 'valid', requestIdentifier: null })]);
  });

  it('refuses a number VIES says is invalid with 422 naming vatNumber, saves nothing, and keeps the check (V3)', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm' });
    const saving = world.setBillingDetails(german(accountId, 'DE100000008'));
    await expect(saving).rejects.toMatchObject({
      code: InvoicingErrorCode.VatNumberInvalid,
      kind: 'unprocessable',
      fields: [expect.objectContaining({ field: 'vatNumber' })],
    });
    expect(world.billingDetails.rows.has(accountId)).toBe(false);
    expect(world.vatChecks.rows).toEqual([
      expect.objectContaining({ accountId, countryCode: 'DE', vatNumber: '100000008', result: 'invalid' }),
    ]);
  });

  it.each(['DE100000009', 'FR00342464408', 'RO14040243'])(
    'refuses %s for its check digits before asking VIES, naming vatNumber',
    (vatNumber) => {
      const create = () => SaveBillingDetailsCommand.create(german(randomUUID(), vatNumber));
      expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'vatNumber' })] }));
      expect(sandbox.requests).toEqual([]);
    },
  );

  it.each([
    ['its registry is down', SANDBOX_FAULT_NUMBERS.memberStateUnavailable, 'MS_UNAVAILABLE'],
    ['VIES is down', SANDBOX_FAULT_NUMBERS.serviceUnavailable, 'SERVICE_UNAVAILABLE'],
  ])(
    'saves a number VIES cannot check because %s as pending, and plans a re-check in 15 minutes (V3)',
    async (_label, vatNumber, reason) => {
      const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm' });
      const saved = await world.setBillingDetails(german(accountId, vatNumber));
      const [check] = world.vatChecks.rows;
      expect(check).toMatchObject({ result: 'unavailable', reason });
      expect(saved).toMatchObject({ vatStatus: 'pending', vatCheckId: check!.id });
      expect(world.jobs.planned).toEqual([
        {
          kind: VAT_RECHECK_JOB,
          key: `${accountId}:${check!.id}`,
          accountId,
          dueAt: new Date('2026-03-02T09:15:00.000Z'),
          payload: { vatNumber: saved.vatNumber!.replace(/\s/g, ''), afterCheckId: check!.id, attempt: 0 },
        },
      ]);
    },
  );

  it('keeps a verified number verified across an edit of the rest, without asking VIES again (V1)', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm' });
    const first = await world.setBillingDetails(german(accountId, 'DE108262480'));
    world.clock.advance(86_400_000);
    const edited = await world.setBillingDetails({ ...german(accountId, 'DE108262480'), legalName: 'Beispiel AG' });
    expect(edited).toMatchObject({ legalName: 'Beispiel AG', vatStatus: 'verified', vatCheckId: first.vatCheckId });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('checks a changed number again, and a number outside the EU not at all', async () => {
    const accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm' });
    await world.setBillingDetails(german(accountId, 'DE108262480'));
    await expect(world.setBillingDetails(german(accountId, 'DE100000008'))).rejects.toMatchObject({
      code: InvoicingErrorCode.VatNumberInvalid,
    });
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ vatNumber: 'DE108262480', vatStatus: 'verified' });
    const swiss = await world.setBillingDetails(
      details(accountId, { vatNumber: 'CHE116281710', address: { line1: 'Bahnhofstrasse 1', city: 'Zürich', country: 'CH' } }),
    );
    expect(swiss).toMatchObject({ vatNumber: 'CHE116281710', vatStatus: null, vatCheckId: null });
    expect(sandbox.requests).toHaveLength(2);
  });
});
