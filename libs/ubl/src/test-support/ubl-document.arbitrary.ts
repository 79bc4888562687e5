import fc from 'fast-check';
import {
  DocumentAdjustment,
  DocumentLine,
  LineAdjustment,
  Party,
  PostalAddress,
  UblDocument,
  VatCategory,
  VatClassification,
} from '../model';

/**
 * Generated Obolus documents for property tests: every VAT category, RON/EUR/USD, B2B, B2C with a
 * CNP and with 13 zeros, EU and non-EU buyers, allowances and charges, several rates, credit notes.
 */

export type BuyerScenario =
  | 'ro-company'
  | 'ro-person-cnp'
  | 'ro-person-anonymous'
  | 'eu-company'
  | 'non-eu-company'
  | 'non-eu-consumer';

const counties = ['RO-CJ', 'RO-IS', 'RO-TM', 'RO-CT', 'RO-BV', 'RO-IF', 'RO-AB', 'RO-VS'];
const cities: Record<string, string> = {
  'RO-CJ': 'Cluj-Napoca',
  'RO-IS': 'Iași',
  'RO-TM': 'Timișoara',
  'RO-CT': 'Constanța',
  'RO-BV': 'Brașov',
  'RO-IF': 'Voluntari',
  'RO-AB': 'Alba Iulia',
  'RO-VS': 'Vaslui',
};
const text = fc.constantFrom(
  'Servicii SaaS',
  'Licență anuală',
  'Suport & mentenanță',
  'Abonament <Premium>',
  'Onboarding "rapid"',
  'Stocare suplimentară 100 GB',
  'Utilizator adițional',
);

const romanianAddress: fc.Arbitrary<PostalAddress> = fc.oneof(
  fc.record({
    street: fc.constantFrom('Str. Lungă 12', 'Bd. Unirii 1, bl. A, ap. 3', 'Calea Victoriei 155'),
    city: fc.constantFrom('SECTOR1', 'SECTOR2', 'SECTOR3', 'SECTOR4', 'SECTOR5', 'SECTOR6'),
    postalCode: fc.constantFrom('010011', '030167'),
    countrySubdivision: fc.constant('RO-B'),
    country: fc.constant('RO'),
  }),
  fc.constantFrom(...counties).chain((county) =>
    fc.record({
      street: fc.constantFrom('Str. Memorandumului 28', 'Piața Unirii 3', 'Aleea Teilor 7'),
      city: fc.constant(cities[county]),
      postalCode: fc.constantFrom('400114', '700028', '300001'),
      countrySubdivision: fc.constant(county),
      country: fc.constant('RO'),
    }),
  ),
);

const foreignAddress = (countries: string[]): fc.Arbitrary<PostalAddress> =>
  fc.constantFrom(...countries).map((country) => ({
    street: 'Main Street 1',
    city:
      { DE: 'Berlin', FR: 'Paris', AT: 'Wien', NL: 'Amsterdam', US: 'Boston', GB: 'London', CH: 'Zürich', NO: 'Oslo' }[country] ??
      'City',
    postalCode: '10115',
    country,
  }));

const cui = fc.integer({ min: 10_000, max: 49_999_999 }).map(String);
const cnp = fc
  .tuple(fc.constantFrom('1', '2', '5', '6'), fc.integer({ min: 0, max: 999_999_999_999 }))
  .map(([sex, rest]) => sex + String(rest).padStart(12, '0'));

const romanianSeller = fc.record({ cui, address: romanianAddress, email: fc.boolean() }).map(
  ({ cui: id, address, email }): Party => ({
    name: 'Obolus Client Vânzător SRL',
    vatId: `RO${id}`,
    legalRegistrationId: 'J40/1234/2020',
    address,
    ...(email ? { contact: { email: 'facturare@vanzator.ro', phone: '+40 21 000 0000' } } : {}),
  }),
);

function buyerFor(scenario: BuyerScenario): fc.Arbitrary<Party> {
  switch (scenario) {
    case 'ro-company':
      // Registered for VAT: RO + CUI as VAT id; not registered: the CUI, with or without RO, as legal id.
      return fc
        .record({ id: cui, address: romanianAddress, registered: fc.boolean(), prefixed: fc.boolean() })
        .map(({ id, address, registered, prefixed }) =>
          registered
            ? { name: 'Cumpărător SRL', vatId: `RO${id}`, address }
            : { name: 'Asociația Cumpărător', legalRegistrationId: prefixed ? `RO${id}` : id, address },
        );
    case 'ro-person-cnp':
      return fc
        .record({ id: cnp, address: romanianAddress })
        .map(({ id, address }) => ({ name: 'Ion Popescu', legalRegistrationId: id, address }));
    case 'ro-person-anonymous':
      return romanianAddress.map((address) => ({ name: 'Maria Ionescu', legalRegistrationId: '0000000000000', address }));
    case 'eu-company':
      return fc
        .record({ address: foreignAddress(['DE', 'FR', 'AT', 'NL']), digits: fc.integer({ min: 100_000_000, max: 999_999_999 }) })
        .map(({ address, digits }) => ({
          name: 'Kunde GmbH',
          vatId: `${address.country}${digits}`,
          address,
        }));
    case 'non-eu-company':
      return fc
        .record({ address: foreignAddress(['US', 'GB', 'CH', 'NO']), digits: fc.integer({ min: 100_000_000, max: 999_999_999 }) })
        .map(({ address, digits }) => ({
          name: 'Customer Inc.',
          vatId: `${address.country}${digits}`,
          address,
        }));
    case 'non-eu-consumer':
      return foreignAddress(['US', 'GB', 'CH', 'NO']).map((address) => ({ name: 'Jane Doe', address }));
  }
}

/** The VAT categories a scenario's lines may use: the ones a Romanian seller would apply. */
function categoriesFor(scenario: BuyerScenario): VatCategory[][] {
  switch (scenario) {
    case 'ro-company':
      return [['S'], ['S', 'Z'], ['S', 'E'], ['AE'], ['S', 'AE'], ['Z'], ['E']];
    case 'ro-person-cnp':
    case 'ro-person-anonymous':
      return [['S'], ['S', 'E'], ['S', 'Z'], ['E']];
    case 'eu-company':
      return [['K'], ['AE'], ['K', 'S']];
    case 'non-eu-company':
      return [['G'], ['G', 'S'], ['O']];
    case 'non-eu-consumer':
      return [['O']];
  }
}

const standardRate = fc.constantFrom('21', '11', '9', '5', '19', '21.00');

function vatFor(category: VatCategory): fc.Arbitrary<VatClassification> {
  if (category === 'S') return standardRate.map((rate) => ({ category, rate }));
  if (category === 'O') return fc.constant({ category });
  return fc.constantFrom('0', '0.00').map((rate) => ({ category, rate }));
}

const quantity = fc.constantFrom('1', '2', '3', '12', '1.5', '0.75', '10.125');
// Unit prices from 2.00 up, with up to four decimals, so every line is worth at least 1.00.
const price = fc.integer({ min: 20_000, max: 50_000_000 }).chain((tenThousandths) =>
  fc.constantFrom(2, 4).map((places) => {
    const value = places === 2 ? Math.round(tenThousandths / 100) : tenThousandths;
    const digits = String(value).padStart(places + 1, '0');
    return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }),
);

const lineAllowance: fc.Arbitrary<LineAdjustment> = fc.oneof(
  fc.record({
    percent: fc.constantFrom('5', '10', '12.5', '20'),
    reason: fc.constant('Discount'),
    reasonCode: fc.constant('95'),
  }),
  fc.record({ amount: fc.bigInt({ min: 1n, max: 50n }), reason: fc.constant('Reducere fidelitate') }),
);
const lineCharge: fc.Arbitrary<LineAdjustment> = fc.record({
  amount: fc.bigInt({ min: 1n, max: 5_000n }),
  reason: fc.constant('Taxă de procesare'),
});

function lineArbitrary(categories: VatCategory[]): fc.Arbitrary<Omit<DocumentLine, 'id'>> {
  return fc.constantFrom(...categories).chain((category) =>
    fc.record(
      {
        quantity,
        unitCode: fc.constantFrom('H87', 'C62', 'MON', 'HUR'),
        item: fc.record({ name: text }, { requiredKeys: ['name'] }),
        vat: vatFor(category),
        price: fc.oneof(
          price.map((amount) => ({ amount })),
          price.map((amount) => ({ amount, baseQuantity: '1', baseQuantityUnitCode: 'H87' })),
        ),
        allowances: fc.array(lineAllowance, { maxLength: 1 }),
        charges: fc.array(lineCharge, { maxLength: 1 }),
        note: fc.constantFrom('Perioada de facturare: lunar', 'Linie & notă'),
      },
      { requiredKeys: ['quantity', 'unitCode', 'item', 'vat', 'price'] },
    ),
  );
}

export interface GeneratedScenario {
  scenario: BuyerScenario;
  kind: UblDocument['kind'];
  currency: string;
  categories: VatCategory[];
}

/** A draft document (calculated parts absent), as Obolus invoicing would hand it to the builder. */
export const ublDocumentDraft: fc.Arbitrary<{ draft: UblDocument; meta: GeneratedScenario }> = fc
  .record({
    scenario: fc.constantFrom<BuyerScenario>(
      'ro-company',
      'ro-person-cnp',
      'ro-person-anonymous',
      'eu-company',
      'non-eu-company',
      'non-eu-consumer',
    ),
    kind: fc.constantFrom<UblDocument['kind']>('invoice', 'invoice', 'creditNote'),
    currency: fc.constantFrom('RON', 'RON', 'EUR', 'USD'),
  })
  .chain(({ scenario, kind, currency }) =>
    fc.constantFrom(...categoriesFor(scenario)).chain((categories) =>
      fc
        .record({
          number: fc.integer({ min: 1, max: 999_999 }),
          day: fc.integer({ min: 1, max: 28 }),
          seller: romanianSeller,
          buyer: buyerFor(scenario),
          lines: fc.array(lineArbitrary(categories), { minLength: categories.length, maxLength: 8 }),
          docAllowance: fc.option(
            fc.record({ amount: fc.bigInt({ min: 1n, max: 50n }), reason: fc.constant('Discount comercial') }),
            { nil: undefined },
          ),
          docCharge: fc.option(
            fc.record({
              amount: fc.bigInt({ min: 1n, max: 2_500n }),
              reason: fc.constant('Transport'),
              reasonCode: fc.constant('FC'),
            }),
            { nil: undefined },
          ),
          notes: fc.array(
            fc.constantFrom('Vă mulțumim!', 'Plata în 15 zile & fără penalități', 'Factură emisă conform art. 319 Cod fiscal'),
            { maxLength: 2 },
          ),
          rate: fc.constantFrom('4.9712', '5.0843', '4.3921'),
          withPeriod: fc.boolean(),
          withPayment: fc.boolean(),
          prepaid: fc.option(fc.bigInt({ min: 1n, max: 10_000n }), { nil: undefined }),
        })
        .map(({ number, day, seller, buyer, lines, docAllowance, docCharge, notes, rate, withPeriod, withPayment, prepaid }) => {
          const issueDate = `2026-11-${String(day).padStart(2, '0')}`;
          // Every category of the scenario gets at least one line.
          const documentLines: DocumentLine[] = lines.map((line, i) => ({ ...line, id: String(i + 1) }));
          categories.forEach((category, i) => {
            if (!documentLines.some((l) => l.vat.category === category)) {
              documentLines[i] = {
                ...documentLines[i],
                vat: category === 'S' ? { category, rate: '21' } : category === 'O' ? { category } : { category, rate: '0' },
              };
            }
          });
          const firstVat = documentLines[0].vat;
          const outsideScope = categories.includes('O');
          const draft: UblDocument = {
            kind,
            id: `${kind === 'creditNote' ? 'OBL-CN' : 'OBL'}-2026-${String(number).padStart(6, '0')}`,
            issueDate,
            currency,
            seller: outsideScope ? { ...seller, vatId: undefined, legalRegistrationId: seller.vatId!.slice(2) } : seller,
            // Outside the scope of VAT no VAT id may appear (BR-O-02): a business buyer is named by its registration number.
            buyer:
              outsideScope && buyer.vatId
                ? { name: buyer.name, legalRegistrationId: buyer.vatId, address: buyer.address }
                : buyer,
            lines: documentLines,
          };
          if (draft.seller.vatId === undefined) delete draft.seller.vatId;
          if (notes.length) draft.notes = notes;
          if (currency !== 'RON') draft.taxExchangeRate = rate;
          if (kind === 'creditNote') {
            draft.precedingInvoices = [{ id: `OBL-2026-${String(number + 1).padStart(6, '0')}`, issueDate: '2026-10-31' }];
            draft.paymentTerms = 'Suma va fi compensată sau returnată în 15 zile';
          } else {
            draft.dueDate = `2026-12-${String(day).padStart(2, '0')}`;
          }
          if (withPeriod || categories.includes('K')) draft.invoicePeriod = { start: '2026-11-01', end: '2026-11-30' };
          if (categories.includes('K')) {
            draft.delivery = {
              date: issueDate,
              address: { ...buyer.address, countrySubdivision: `${buyer.address!.country}-BE` },
            };
          }
          if (categories.includes('E'))
            draft.vatExemptions = [
              { category: 'E', reason: 'Scutit cf. art. 292 alin. (2) Cod fiscal', reasonCode: 'VATEX-EU-132' },
            ];
          if (withPayment) {
            draft.paymentMeans = [
              {
                code: '30',
                payeeAccount: { id: 'RO49AAAA1B31007593840000', name: 'Obolus Client Vânzător SRL' },
                remittanceInformation: draft.id,
              },
            ];
          }
          if (docAllowance) draft.allowances = [{ ...docAllowance, vat: firstVat } as DocumentAdjustment];
          if (docCharge) draft.charges = [{ ...docCharge, vat: firstVat } as DocumentAdjustment];
          if (prepaid !== undefined && kind === 'invoice') draft.totals = { prepaid };
          return { draft, meta: { scenario, kind, currency, categories } };
        }),
    ),
  );
