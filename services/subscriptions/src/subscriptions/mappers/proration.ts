import { addDays, IsoDate, prorationDays } from '@obolus/calendar';
import { money, prorateMoney } from '@obolus/money';
import { PendingChargeEntity } from '../entities/pending-charge.entity';

export interface ProrationInput {
  accountId: string;
  subscriptionId: string;
  cause: string;
  code: string;
  /** What is charged, e.g. "Dream Team: 2 users added"; the dates and days are appended. */
  label: string;
  quantity: number;
  /** The full period's net price of one unit (a seat, or the difference between two editions). */
  periodUnitPriceMinor: number;
  currency: string;
  period: { start: IsoDate; end: IsoDate };
  /** The day the change takes effect: it is charged from that day to the period's end. */
  changeDate: IsoDate;
  id: string;
  at: Date;
}

/**
 * B5, C2: a change mid-period is charged for the days left, from the change day to the period's end,
 * with calendar days over the period's days (`prorationDays`) and half-up rounding of one unit
 * (`prorateMoney`): unit = round(price × days ÷ period days), amount = unit × quantity. The line
 * names its dates (first and last day charged) and its days.
 */
export function proratedCharge(input: ProrationInput): PendingChargeEntity {
  const { remainingDays, periodDays } = prorationDays(input.period, input.changeDate);
  const unit = prorateMoney(money(input.periodUnitPriceMinor, input.currency), remainingDays, periodDays);
  const lastDay = addDays(input.period.end, -1);
  return {
    id: input.id,
    accountId: input.accountId,
    subscriptionId: input.subscriptionId,
    cause: input.cause,
    code: input.code,
    description: `${input.label}, ${input.changeDate} – ${lastDay} (${remainingDays}/${periodDays} days)`,
    quantity: input.quantity,
    unitPriceMinor: unit.amountMinor,
    serviceStart: input.changeDate,
    serviceEnd: input.period.end,
    days: remainingDays,
    periodDays,
    createdAt: input.at,
    billedBy: null,
  };
}

/** The charge as a line of a due period. */
export function chargeLine(charge: PendingChargeEntity) {
  return {
    code: charge.code,
    description: charge.description,
    quantity: charge.quantity,
    unitPriceMinor: charge.unitPriceMinor,
    servicePeriod: {
      start: charge.serviceStart,
      end: charge.serviceEnd,
      days: charge.days,
      periodDays: charge.periodDays,
    },
  };
}
