import { checkVAT, countries } from 'jsvat';
import { EU_MEMBER_STATES, isEuMemberState, vatPrefixOf } from '../eu-countries';

/** jsvat's rules for the 27 member states only (it also knows non-EU countries, which VIES does not). */
const EU_RULES = countries.filter((rule) => isEuMemberState(rule.codes[0] ?? ''));

const VAT_PREFIXES = new Set<string>(EU_MEMBER_STATES.map(vatPrefixOf));

export type VatNumberFormatProblem = 'empty' | 'unsupported-country' | 'format' | 'checksum';

export type VatNumberFormatCheck =
  | {
      ok: true;
      /** VIES country code: the ISO code, except EL for Greece. */
      countryCode: string;
      /** The national part, without the prefix, as VIES expects it. */
      vatNumber: string;
      /** Prefix and number, without separators: "FR82342464408". */
      normalised: string;
    }
  | { ok: false; problem: VatNumberFormatProblem; input: string };

/**
 * Format and checksum of an EU VAT number, before anything is sent to VIES (PRODUCT V3).
 * Spaces, dots, dashes and slashes are ignored; a number without a prefix takes the country given.
 */
export function checkVatNumberFormat(input: string, country?: string): VatNumberFormatCheck {
  const compact = String(input ?? '')
    .toUpperCase()
    .replace(/[\s.\-/]+/g, '');
  if (compact === '') return { ok: false, problem: 'empty', input };
  const hint = country ? vatPrefixOfCountry(country) : undefined;
  const withGreekPrefix = compact.startsWith('GR') ? `EL${compact.slice(2)}` : compact;
  // With a country given, a number that does not start with its prefix is the national part alone.
  const prefixed = hint !== undefined && !withGreekPrefix.startsWith(hint) ? `${hint}${withGreekPrefix}` : withGreekPrefix;
  const prefix = prefixed.slice(0, 2);
  if (!VAT_PREFIXES.has(prefix)) return { ok: false, problem: 'unsupported-country', input };
  const result = checkVAT(prefixed, EU_RULES);
  if (!result.isValid) return { ok: false, problem: result.isValidFormat ? 'checksum' : 'format', input };
  return { ok: true, countryCode: prefix, vatNumber: prefixed.slice(2), normalised: prefixed };
}

function vatPrefixOfCountry(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'GR' ? 'EL' : code;
}
