/** Romanian code lists and identifier formats, as the CIUS-RO 1.0.9 rules (RO16931-rules.sch) define them. */

/** ISO 3166-2:RO county codes accepted for BT-39, BT-54, BT-68, BT-79 (BR-RO-110, BR-RO-111). */
export const ROMANIAN_COUNTY_CODES: ReadonlySet<string> = new Set([
  'RO-AB',
  'RO-AG',
  'RO-AR',
  'RO-B',
  'RO-BC',
  'RO-BH',
  'RO-BN',
  'RO-BR',
  'RO-BT',
  'RO-BV',
  'RO-BZ',
  'RO-CJ',
  'RO-CL',
  'RO-CS',
  'RO-CT',
  'RO-CV',
  'RO-DB',
  'RO-DJ',
  'RO-GJ',
  'RO-GL',
  'RO-GR',
  'RO-HD',
  'RO-HR',
  'RO-IF',
  'RO-IL',
  'RO-IS',
  'RO-MH',
  'RO-MM',
  'RO-MS',
  'RO-NT',
  'RO-OT',
  'RO-PH',
  'RO-SB',
  'RO-SJ',
  'RO-SM',
  'RO-SV',
  'RO-TL',
  'RO-TM',
  'RO-TR',
  'RO-VL',
  'RO-VN',
  'RO-VS',
]);

/** Bucharest (RO-B) addresses name the sector as the city (BR-RO-100, BR-RO-101). */
export const BUCHAREST_SECTORS: ReadonlySet<string> = new Set(['SECTOR1', 'SECTOR2', 'SECTOR3', 'SECTOR4', 'SECTOR5', 'SECTOR6']);

/** The buyer id of a person without a CNP (B2C). */
export const B2C_ANONYMOUS_BUYER_ID = '0000000000000';

/** A CUI (fiscal code) of 2 to 10 digits, optionally prefixed with RO. */
export function isCuiFormat(id: string): boolean {
  return /^(RO)?[1-9]\d{1,9}$/.test(id);
}

/** A Romanian VAT id: RO followed by the CUI. */
export function isRomanianVatIdFormat(id: string): boolean {
  return /^RO[1-9]\d{1,9}$/.test(id);
}

/** A CNP is 13 digits; 13 zeros stand for a person without one. */
export function isCnpFormat(id: string): boolean {
  return /^\d{13}$/.test(id);
}
