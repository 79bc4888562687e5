import { checkVatNumberFormat, EU_MEMBER_STATES, vatPrefixOf } from '../index';

// One number per member state that passes its national format and check digits.
const WELL_FORMED: Record<string, string> = {
  AT: 'ATU10086280',
  BE: 'BE0468024604',
  BG: 'BG1062264868',
  CY: 'CY10284608L',
  CZ: 'CZ26846446',
  DE: 'DE108262480',
  DK: 'DK18488868',
  EE: 'EE100026528',
  EL: 'EL066020646',
  ES: 'ESA02242428',
  FI: 'FI16804468',
  FR: 'FR82342464408',
  HR: 'HR14466440620',
  HU: 'HU16968420',
  IE: 'IE1606048P',
  IT: 'IT08848240084',
  LT: 'LT485552513',
  LU: 'LU12608662',
  LV: 'LV42624200484',
  MT: 'MT12626002',
  NL: 'NL164082220B01',
  PL: 'PL5806400220',
  PT: 'PT502426080',
  RO: 'RO12448440',
  SE: 'SE566222420201',
  SI: 'SI16020022',
  SK: 'SK2024860860',
};

/** Changes the check digit (the last digit, or the one before the Dutch B01 suffix). */
function corrupt(number: string): string {
  const index = number.startsWith('NL') ? number.indexOf('B') - 1 : number.search(/\d(?=\D*$)/);
  return number.slice(0, index) + String((Number(number[index]) + 1) % 10) + number.slice(index + 1);
}

describe('checkVatNumberFormat', () => {
  it('has a sample for every member state', () => {
    expect(Object.keys(WELL_FORMED).sort()).toEqual(EU_MEMBER_STATES.map(vatPrefixOf).sort());
  });

  it.each(Object.entries(WELL_FORMED))('%s: accepts %s and refuses it with a wrong check digit', (prefix, number) => {
    expect(checkVatNumberFormat(number)).toEqual({
      ok: true,
      countryCode: prefix,
      vatNumber: number.slice(2),
      normalised: number,
    });
    const broken = checkVatNumberFormat(corrupt(number));
    expect(broken.ok).toBe(false);
  });

  it('tells a checksum error from a format error', () => {
    expect(checkVatNumberFormat('FR82342464409')).toMatchObject({ ok: false, problem: 'checksum' });
    expect(checkVatNumberFormat('FR8234246440')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkVatNumberFormat('US123456789')).toMatchObject({ ok: false, problem: 'unsupported-country' });
    expect(checkVatNumberFormat('GB123456789')).toMatchObject({ ok: false, problem: 'unsupported-country' });
    expect(checkVatNumberFormat('  ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('ignores separators and case, and takes the country of a bare number', () => {
    expect(checkVatNumberFormat('fr 82 342.464.408')).toMatchObject({ ok: true, normalised: 'FR82342464408' });
    expect(checkVatNumberFormat('12448440', 'RO')).toMatchObject({ ok: true, countryCode: 'RO', vatNumber: '12448440' });
    expect(checkVatNumberFormat('066020646', 'GR')).toMatchObject({ ok: true, countryCode: 'EL' });
    expect(checkVatNumberFormat('GR066020646')).toMatchObject({ ok: true, normalised: 'EL066020646' });
    expect(checkVatNumberFormat('U10086280', 'AT')).toMatchObject({ ok: true, normalised: 'ATU10086280' });
  });
});
