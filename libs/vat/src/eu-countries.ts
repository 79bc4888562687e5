import { VatError } from './vat-error';

/** The 27 member states by ISO 3166-1 alpha-2 code (Greece is GR here; VIES and VAT numbers use EL). */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

export type EuMemberState = (typeof EU_MEMBER_STATES)[number];

export function isEuMemberState(country: string): country is EuMemberState {
  return (EU_MEMBER_STATES as readonly string[]).includes(country);
}

/** Upper-cases an ISO alpha-2 code and reads the VAT prefix EL as Greece. */
export function normaliseCountry(country: string, field: string): string {
  const code = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(code)) {
    throw new VatError('INVALID_COUNTRY', `'${String(country)}' is not an ISO 3166-1 alpha-2 country code`, [
      { field, reason: 'two letters, e.g. FR' },
    ]);
  }
  return code === 'EL' ? 'GR' : code;
}

/** VIES and VAT-number prefix for a member state: ISO except Greece (EL). */
export function vatPrefixOf(country: EuMemberState): string {
  return country === 'GR' ? 'EL' : country;
}
