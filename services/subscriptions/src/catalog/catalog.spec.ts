import { editionPrices, loadCatalogs, offeredCurrencies, parseCatalog, seatPrice } from './catalog';
import { CatalogRegistry } from './catalog-registry';

describe('catalogs', () => {
  const catalogs = loadCatalogs();

  it('ships fr-crm and ro-crm with the editions of PRODUCT.md (C1)', () => {
    expect(catalogs.get('fr-crm')!.editions.map((e) => e.name)).toEqual(['Solopreneur', 'Sales Essentials', 'Dream Team']);
    expect(catalogs.get('ro-crm')!.editions.map((e) => e.name)).toEqual(['Standard', 'Premium', 'Ultimate']);
    expect(catalogs.get('ro-crm')!.freeEdition).toBe('standard');
    expect(catalogs.get('fr-crm')!.freeEdition).toBeNull();
  });

  it('gives Solopreneur exactly the features of Dream Team, for one user (C3)', () => {
    const fr = catalogs.get('fr-crm')!;
    const solo = fr.editions.find((e) => e.code === 'solopreneur')!;
    const dream = fr.editions.find((e) => e.code === 'dream-team')!;
    expect([...solo.features].sort()).toEqual([...dream.features].sort());
    expect(solo.maxSeats).toBe(1);
  });

  it('keeps the limits of C6: 20 MB documents, 10 GB per user, unlimited prospects', () => {
    for (const catalog of catalogs.values()) {
      expect(catalog.limits).toEqual({
        documentMaxBytes: 20 * 1024 * 1024,
        storageBytesPerUser: 10 * 1024 ** 3,
        prospects: null,
        opportunities: null,
      });
    }
  });

  it('sets the trial length from the channel, or one calendar month for ro-crm (T1)', () => {
    const registry = new CatalogRegistry();
    const fr = registry.get('fr-crm');
    expect(registry.trialFor(fr, 'website', '2026-11-22')).toEqual({ edition: 'dream-team', days: 15, endsOn: '2026-12-06' });
    expect(registry.trialFor(fr, 'partner', '2026-11-22')).toEqual({ edition: 'dream-team', days: 30, endsOn: '2026-12-21' });
    expect(registry.trialFor(fr, 'unknown-channel', '2026-11-22').days).toBe(15);
    for (const channel of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(registry.trialFor(fr, channel, '2026-11-22').days).toBe(15);
    }
    expect(registry.trialFor(registry.get('ro-crm'), 'website', '2027-01-31')).toEqual({
      edition: 'ultimate',
      days: 28,
      endsOn: '2027-02-27',
    });
  });

  it('prices fr-crm in USD as well as EUR, and ro-crm in RON only', () => {
    const fr = catalogs.get('fr-crm')!;
    expect(offeredCurrencies(fr)).toEqual(['EUR', 'USD']);
    expect(offeredCurrencies(catalogs.get('ro-crm')!)).toEqual(['RON']);
    const dream = fr.editions.find((e) => e.code === 'dream-team')!;
    expect(editionPrices(fr, dream, 'USD')).toEqual({ monthly: 4500, annual: 45000 });
    expect(seatPrice(fr, dream, 'annual', 'card', 'USD')).toBe(45000);
    expect(seatPrice(fr, dream, 'annual', 'paypal', 'USD')).toBe(54000);
    expect(seatPrice(fr, dream, 'annual', 'card')).toBe(39000);
    expect(seatPrice(fr, dream, 'annual', 'card', 'GBP')).toBeUndefined();
    expect(seatPrice(fr, dream, 'annual', 'card', 'constructor')).toBeUndefined();
  });

  it('refuses a catalog whose editions are not all priced in the same currencies', () => {
    const broken = JSON.parse(JSON.stringify(catalogs.get('fr-crm')));
    delete broken.editions[0].pricesByCurrency;
    broken.editions[1].pricesByCurrency.USD = { monthly: 2200 };
    broken.editions[2].pricesByCurrency.EUR = { monthly: 3900, annual: 39000 };
    expect(() => parseCatalog(broken, 'broken.json')).toThrow(
      /solopreneur has no USD prices.*sales-essentials has no annual USD price.*dream-team repeats its EUR prices/,
    );
  });

  it('refuses a catalog that contradicts itself', () => {
    const broken = JSON.parse(JSON.stringify(catalogs.get('fr-crm')));
    broken.trial.edition = 'platinum';
    broken.editions[1].prices = { monthly: 1900 };
    broken.editions[2].features.push('teleportation');
    expect(() => parseCatalog(broken, 'broken.json')).toThrow(
      /trial edition platinum is not an edition.*sales-essentials has no annual price.*dream-team lists unknown feature teleportation/,
    );
  });
});
