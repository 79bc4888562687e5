import { addDays, compareDates, IsoDate, parseIsoDate } from '@obolus/calendar';
import { rateBasisPointsFromPercent } from '@obolus/money';
import { EU_MEMBER_STATES, EuMemberState } from '../eu-countries';
import { VatError } from '../vat-error';
import { EU_STANDARD_RATES } from './eu-standard-rates';

export interface StandardRate {
  country: EuMemberState;
  ratePercent: string;
  /** The same rate for arithmetic: 21% = 2100 (see vatAmount in @obolus/money). */
  rateBasisPoints: number;
  validFrom: IsoDate;
  /** Last day of the period, or null while it is current. */
  validTo: IsoDate | null;
  source: string;
}

/** The standard rate in force on a tax point date (PRODUCT V4: the invoice takes the rate of its tax point). */
export function standardRate(country: EuMemberState, taxPointDate: IsoDate): StandardRate {
  try {
    parseIsoDate(taxPointDate, 'taxPointDate');
  } catch {
    throw new VatError('INVALID_TAX_POINT_DATE', `'${String(taxPointDate)}' is not a calendar date (YYYY-MM-DD)`, [
      { field: 'taxPointDate', reason: 'YYYY-MM-DD' },
    ]);
  }
  const periods = EU_STANDARD_RATES[country];
  for (let i = periods.length - 1; i >= 0; i -= 1) {
    if (compareDates(taxPointDate, periods[i].validFrom) >= 0) {
      const next = periods[i + 1];
      return {
        country,
        ratePercent: periods[i].ratePercent,
        rateBasisPoints: rateBasisPointsFromPercent(periods[i].ratePercent),
        validFrom: periods[i].validFrom,
        validTo: next ? addDays(next.validFrom, -1) : null,
        source: periods[i].source,
      };
    }
  }
  throw new VatError('RATE_NOT_FOUND', `No ${country} VAT rate is recorded for ${taxPointDate}`, [
    { field: 'taxPointDate', reason: `on or after ${periods[0].validFrom}` },
  ]);
}

/**
 * The highest standard rate of any member state on a tax point date: the most VAT a sale of a digital
 * service can carry when the buyer's country is not known yet (B2C sales take the buyer's rate).
 */
export function highestStandardRate(taxPointDate: IsoDate): StandardRate {
  return EU_MEMBER_STATES.map((country) => standardRate(country, taxPointDate)).reduce((highest, rate) =>
    rate.rateBasisPoints > highest.rateBasisPoints ? rate : highest,
  );
}
