import { EfacturaIncomingReceivedV1Data } from '@obolus/contracts';
import { IncomingSummary } from './incoming-summary';

const text = (value: string | null, max: number): string | null => (value === null ? null : value.slice(0, max));

/** A day the contract can carry: what a supplier wrote is passed on only when it is a real calendar date. */
const calendarDay = (value: string | null): string | null => {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : null;
};

/**
 * What `efactura.incoming.received` tells of a stored supplier invoice: what could be read of it (cut
 * to the contract's lengths; a date or currency that is not one is left out), or why it could not.
 * The invoice itself, parsed or not, is served by the gateway.
 */
export function incomingReceivedData(
  stored: { id: string; accountId: string; cif: string; anafId: string; receivedAt: Date },
  summary: IncomingSummary,
): EfacturaIncomingReceivedV1Data {
  const payable = summary.payableMinor;
  return {
    accountId: stored.accountId,
    incomingId: stored.id,
    cif: stored.cif,
    anafId: stored.anafId,
    supplierCif: text(summary.supplierCif, 40),
    supplierName: text(summary.supplierName, 500),
    number: text(summary.number, 200),
    issueDate: calendarDay(summary.issueDate),
    currency: summary.currency !== null && /^[A-Z]{3}$/.test(summary.currency) ? summary.currency : null,
    payableMinor:
      payable !== null && payable <= BigInt(Number.MAX_SAFE_INTEGER) && payable >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(payable)
        : null,
    parseError: text(summary.parseError, 1000),
    receivedAt: stored.receivedAt.toISOString(),
  };
}
