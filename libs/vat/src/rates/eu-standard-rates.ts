import type { EuMemberState } from '../eu-countries';

/**
 * Standard VAT rates of the 27 member states, dated. Standard rates are what Obolus needs:
 * electronically supplied services (SaaS) take the standard rate in every member state.
 *
 * Sources:
 * - European Commission, "VAT rates applied in the Member States of the European Union"
 *   (DG TAXUD, situation at 1 January of each year, 2020 to 2025) and the Taxes in Europe
 *   Database (TEDB), for the rates and the dates of each change.
 * - National acts for each change since 2020, as noted on the period.
 * Coverage starts on 2020-01-01 (RO on 2017-01-01); earlier tax points are refused rather than guessed.
 * When a member state changes its rate, add a period here with its source; never edit a past one.
 */
export interface StandardRatePeriod {
  /** First tax point date at this rate. A period runs until the next period's validFrom. */
  validFrom: string;
  /** Percent as a decimal string, never a float: "25.5". */
  ratePercent: string;
  source: string;
}

const TEDB = 'EC, VAT rates applied in the Member States (TEDB)';

export const EU_STANDARD_RATES: Readonly<Record<EuMemberState, readonly StandardRatePeriod[]>> = {
  AT: [{ validFrom: '2020-01-01', ratePercent: '20', source: TEDB }],
  BE: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  BG: [{ validFrom: '2020-01-01', ratePercent: '20', source: TEDB }],
  CY: [{ validFrom: '2020-01-01', ratePercent: '19', source: TEDB }],
  CZ: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  DE: [
    { validFrom: '2020-01-01', ratePercent: '19', source: TEDB },
    {
      validFrom: '2020-07-01',
      ratePercent: '16',
      source: 'Zweites Corona-Steuerhilfegesetz (temporary cut, 2020-07-01..2020-12-31)',
    },
    { validFrom: '2021-01-01', ratePercent: '19', source: 'UStG § 12 (1), end of the temporary cut' },
  ],
  DK: [{ validFrom: '2020-01-01', ratePercent: '25', source: TEDB }],
  EE: [
    { validFrom: '2020-01-01', ratePercent: '20', source: TEDB },
    { validFrom: '2024-01-01', ratePercent: '22', source: 'Käibemaksuseadus amendment of 2023, in force 2024-01-01' },
    {
      validFrom: '2025-07-01',
      ratePercent: '24',
      source: 'Käibemaksuseadus amendment (security tax package), in force 2025-07-01',
    },
  ],
  ES: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  FI: [
    { validFrom: '2020-01-01', ratePercent: '24', source: TEDB },
    { validFrom: '2024-09-01', ratePercent: '25.5', source: 'Arvonlisäverolaki amendment, in force 2024-09-01 (Vero.fi)' },
  ],
  FR: [{ validFrom: '2020-01-01', ratePercent: '20', source: 'CGI art. 278' }],
  GR: [{ validFrom: '2020-01-01', ratePercent: '24', source: TEDB }],
  HR: [{ validFrom: '2020-01-01', ratePercent: '25', source: TEDB }],
  HU: [{ validFrom: '2020-01-01', ratePercent: '27', source: TEDB }],
  IE: [
    { validFrom: '2020-01-01', ratePercent: '23', source: TEDB },
    {
      validFrom: '2020-09-01',
      ratePercent: '21',
      source: 'Financial Provisions (Covid-19) (No. 2) Act 2020 (temporary cut, 2020-09-01..2021-02-28)',
    },
    { validFrom: '2021-03-01', ratePercent: '23', source: 'End of the temporary cut (Revenue)' },
  ],
  IT: [{ validFrom: '2020-01-01', ratePercent: '22', source: TEDB }],
  LT: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  LU: [
    { validFrom: '2020-01-01', ratePercent: '17', source: TEDB },
    { validFrom: '2023-01-01', ratePercent: '16', source: 'Loi du 26 octobre 2022 (temporary cut for 2023)' },
    { validFrom: '2024-01-01', ratePercent: '17', source: 'End of the temporary cut (AED)' },
  ],
  LV: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  MT: [{ validFrom: '2020-01-01', ratePercent: '18', source: TEDB }],
  NL: [{ validFrom: '2020-01-01', ratePercent: '21', source: TEDB }],
  PL: [{ validFrom: '2020-01-01', ratePercent: '23', source: TEDB }],
  PT: [{ validFrom: '2020-01-01', ratePercent: '23', source: `${TEDB} (mainland; Madeira and the Azores differ)` }],
  RO: [
    { validFrom: '2017-01-01', ratePercent: '19', source: 'Codul fiscal (Legea 227/2015) art. 291 (1)' },
    {
      validFrom: '2025-08-01',
      ratePercent: '21',
      source: 'Legea 141/2025 amending Codul fiscal art. 291 (1), in force 2025-08-01',
    },
  ],
  SE: [{ validFrom: '2020-01-01', ratePercent: '25', source: TEDB }],
  SI: [{ validFrom: '2020-01-01', ratePercent: '22', source: TEDB }],
  SK: [
    { validFrom: '2020-01-01', ratePercent: '20', source: TEDB },
    { validFrom: '2025-01-01', ratePercent: '23', source: 'Zákon 278/2024 Z. z. (consolidation package), in force 2025-01-01' },
  ],
};
