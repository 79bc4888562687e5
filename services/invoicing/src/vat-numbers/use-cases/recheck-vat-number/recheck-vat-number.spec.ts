import { startViesSandbox, ViesSandbox } from '@obolus/vat';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { unreachableVies, viesAt } from '../../test-support/vies-stand-ins';
import { RecheckVatNumberCommand } from './recheck-vat-number.command';

const MINUTE = 60_000;

describe('RecheckVatNumberUseCase', () => {
  let sandbox: ViesSandbox;
  let world: InvoicingWorld;
  let accountId: string;

  beforeAll(async () => {
    sandbox = await startViesSandbox();
  });
  afterAll(() => sandbox.close());

  /** A German business that saved its number while VIES was unreachable. */
  const pendingGermanBusiness = async (vatNumber: string) => {
    world = new InvoicingWorld();
    world.clock.set('2026-11-20T08:00:00.000Z');
    accountId = await world.signUp({ country: 'DE', catalog: 'fr-crm', locale: 'fr' });
    world.useVies(unreachableVies(world.clock));
    await world.setBillingDetails({
      accountId,
      legalName: 'Beispiel GmbH',
      buyerType: 'business',
      vatNumber,
      address: { line1: 'Hauptstraße 1', city: 'Berlin', country: 'DE' },
    });
  };
  const requestPayment = () =>
    world.requestPayment(accountId, {
      catalog: 'fr-crm',
      currency: 'EUR',
      lines: [{ code: 'dream-team', description: 'Dream Team (monthly)', quantity: 1, unitPriceMinor: 10000 }],
      activatedAt: world.clock.now().toISOString(),
    });

  it('charges German VAT while pending; once VIES says valid, reverse-charges from the next draft only', async () => {
    await pendingGermanBusiness('DE108262480');
    await requestPayment();
    world.useVies(viesAt(sandbox.url, world.clock));
    world.clock.advance(14 * MINUTE);
    expect(await world.runDueVatRechecks()).toBe(0);
    world.clock.advance(MINUTE);
    expect(await world.runDueVatRechecks()).toBe(1);
    await requestPayment();

    const [before, after] = world.draftsOf(accountId);
    expect(before).toMatchObject({ totals: { netMinor: 10000, vatMinor: 1900, grossMinor: 11900 } });
    expect(after).toMatchObject({ totals: { netMinor: 10000, vatMinor: 0, grossMinor: 10000 } });
    expect(after!.vatBreakdown).toEqual([expect.objectContaining({ vatCategory: 'AE', exemptionReasonCode: 'VATEX-EU-AE' })]);
    expect(after!.legalMention).toMatch(/^Autoliquidation/);
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ vatStatus: 'verified' });
    expect(world.vatChecks.rows.map((c) => [c.result, c.reason])).toEqual([
      ['unavailable', 'NETWORK_ERROR'],
      ['valid', null],
    ]);
    expect(world.jobs.planned).toEqual([]);
  });

  it('asks again after 15 min, 1 h, 6 h, then daily for as long as VIES cannot say', async () => {
    await pendingGermanBusiness('DE108262480');
    const gaps: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const [job] = world.jobs.planned;
      gaps.push((job!.dueAt.getTime() - world.clock.now().getTime()) / MINUTE);
      world.clock.set(job!.dueAt);
      expect(await world.runDueVatRechecks()).toBe(1);
    }
    expect(gaps).toEqual([15, 60, 360, 1440, 1440]);
    expect(world.vatChecks.rows).toHaveLength(6);
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ vatStatus: 'pending', vatCheckId: world.vatChecks.rows[5]!.id });
  });

  it('marks the number invalid when VIES finally says so, and keeps charging VAT', async () => {
    await pendingGermanBusiness('DE100000008');
    world.useVies(viesAt(sandbox.url, world.clock));
    world.clock.advance(15 * MINUTE);
    await world.runDueVatRechecks();
    await requestPayment();
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ vatStatus: 'invalid' });
    expect(world.draftsOf(accountId)[0]).toMatchObject({ totals: { vatMinor: 1900 } });
    expect(world.jobs.planned).toEqual([]);
  });

  it('does nothing for a number the customer has replaced since: the edit checked the new one', async () => {
    await pendingGermanBusiness('DE108262480');
    const [stale] = world.jobs.planned;
    world.useVies(viesAt(sandbox.url, world.clock));
    await world.setBillingDetails({
      accountId,
      legalName: 'Beispiel GmbH',
      buyerType: 'business',
      address: { line1: 'Hauptstraße 1', city: 'Berlin', country: 'DE' },
    });
    await world.recheckVatNumberUseCase.execute(
      RecheckVatNumberCommand.create({ accountId, ...(stale!.payload as { vatNumber: string; afterCheckId: string; attempt: number }) }),
      world.uow,
    );
    expect(world.billingDetails.rows.get(accountId)).toMatchObject({ vatNumber: null, vatStatus: null });
    expect(world.vatChecks.rows).toHaveLength(1);
  });
});
