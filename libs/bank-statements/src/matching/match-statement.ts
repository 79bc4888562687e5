import { EntryTransaction, StatementEntry } from '../model';
import { compactReference, findPaymentReferences } from '../payment-reference/iso11649';
import { namesAreClose } from './normalize-name';

/** A proforma awaiting a bank transfer, as the payments service knows it. */
export interface OpenProforma {
  id: string;
  /** The payment reference printed on it, normally an ISO 11649 RF reference. */
  reference: string;
  /** The proforma's total, in minor units of `currency`. */
  amountMinor: number;
  currency: string;
  buyerName: string;
  /** What earlier transfers already paid towards it. */
  alreadyPaidMinor: number;
}

export type MatchRule = 'reference' | 'amount-and-name';

/** exact: paid what was due; partial: less, `remainingDueMinor` stays due; excess: more, `surplusMinor` over. */
export type Settlement = 'exact' | 'partial' | 'excess';

export interface TransactionMatched {
  outcome: 'matched';
  entryKey: string;
  transactionKey: string;
  proformaId: string;
  rule: MatchRule;
  /** The reference that named the proforma, for the reference rule. */
  reference?: string;
  currency: string;
  paidMinor: number;
  /** What the proforma still awaited before this transfer (after earlier ones, in this statement too). */
  dueBeforeMinor: number;
  settlement: Settlement;
  remainingDueMinor: number;
  surplusMinor: number;
}

export type UnmatchedReason =
  /** A reference names a proforma, but the money came in another currency. */
  | 'currency-mismatch'
  /** References name several open proformas: staff split the transfer. */
  | 'several-proformas-referenced'
  /** Several open proformas await this amount from a payer of this name. */
  | 'ambiguous-amount'
  /** Open proformas await this amount, but none from a buyer of a name close to the payer's. */
  | 'name-mismatch'
  /** Open proformas await this amount, but the bank gave no payer name to compare. */
  | 'no-payer-name'
  /** Nothing names or fits an open proforma. */
  | 'no-candidate';

export interface TransactionUnmatched {
  outcome: 'unmatched';
  entryKey: string;
  transactionKey: string;
  amountMinor: number;
  currency: string;
  reason: UnmatchedReason;
  detail: string;
  /** References found in the transfer, known or not: the structured one as written, then valid RF ones. */
  references: string[];
  /** The proformas the transfer could be for, for staff to choose from. */
  candidateProformaIds: string[];
}

export type IgnoredReason = 'debit' | 'not-booked' | 'reversal';

export interface TransactionIgnored {
  outcome: 'ignored';
  entryKey: string;
  transactionKey: string;
  reason: IgnoredReason;
  detail: string;
}

export type TransactionOutcome = TransactionMatched | TransactionUnmatched | TransactionIgnored;

export interface ProformaBalance {
  proformaId: string;
  paidMinor: number;
  /** Negative when the proforma was overpaid. */
  dueMinor: number;
}

export interface StatementMatching {
  /** One per transaction of every entry, in the order of the statement. */
  outcomes: TransactionOutcome[];
  /** Every proforma given, in the order given, with what this statement paid added. */
  proformas: ProformaBalance[];
}

/**
 * Matches the credit transfers of a statement to open proformas, in statement order, so a second
 * transfer for the same proforma sees what the first paid. Pure and deterministic: the same entries and
 * proformas give the same outcomes. Skipping transactions already recorded (by `transactionKey`) is the
 * caller's part; this function decides, it does not remember.
 *
 * Rules, in order:
 * 1. a reference (structured creditor reference, or an RF reference in the remittance text, end-to-end
 *    id or additional information) that names exactly one open proforma in the same currency;
 * 2. else exactly one open proforma in the same currency whose amount still due equals the amount paid
 *    and whose buyer name is close to the payer's;
 * 3. else unmatched, with the reason, for staff.
 * Debits, reversals and entries that are not booked are ignored, with the reason.
 */
export function matchStatement(entries: readonly StatementEntry[], openProformas: readonly OpenProforma[]): StatementMatching {
  const paid = new Map<string, number>(openProformas.map((p) => [p.id, p.alreadyPaidMinor]));
  const dueOf = (p: OpenProforma) => p.amountMinor - (paid.get(p.id) ?? 0);
  const byReference = new Map<string, OpenProforma[]>();
  for (const proforma of openProformas) {
    const reference = compactReference(proforma.reference);
    byReference.set(reference, [...(byReference.get(reference) ?? []), proforma]);
  }

  const outcomes: TransactionOutcome[] = [];
  for (const entry of entries) {
    for (const transaction of entry.transactions) {
      const ignored = ignoredReason(entry, transaction);
      if (ignored) {
        outcomes.push({ outcome: 'ignored', entryKey: entry.key, transactionKey: transaction.key, ...ignored });
        continue;
      }
      const decision = decide(entry, transaction, openProformas, byReference, dueOf);
      if (decision.outcome === 'unmatched') {
        outcomes.push({
          ...decision,
          entryKey: entry.key,
          transactionKey: transaction.key,
          amountMinor: transaction.amountMinor,
          currency: transaction.currency,
        });
        continue;
      }
      const due = dueOf(decision.proforma);
      paid.set(decision.proforma.id, (paid.get(decision.proforma.id) ?? 0) + transaction.amountMinor);
      outcomes.push({
        outcome: 'matched',
        entryKey: entry.key,
        transactionKey: transaction.key,
        proformaId: decision.proforma.id,
        rule: decision.rule,
        ...(decision.reference ? { reference: decision.reference } : {}),
        currency: transaction.currency,
        paidMinor: transaction.amountMinor,
        dueBeforeMinor: due,
        ...settle(transaction.amountMinor, due),
      });
    }
  }
  return {
    outcomes,
    proformas: openProformas.map((p) => ({ proformaId: p.id, paidMinor: paid.get(p.id) ?? 0, dueMinor: dueOf(p) })),
  };
}

function ignoredReason(
  entry: StatementEntry,
  transaction: EntryTransaction,
): { reason: IgnoredReason; detail: string } | undefined {
  if (entry.status !== 'BOOK')
    return { reason: 'not-booked', detail: `entry status ${entry.statusCode}: only booked money is counted` };
  if (entry.reversal) return { reason: 'reversal', detail: 'a reversal of an earlier entry, for staff to reconcile' };
  if (transaction.direction === 'debit') return { reason: 'debit', detail: 'money leaving the account pays no proforma' };
  return undefined;
}

type Decision =
  | { outcome: 'matched'; proforma: OpenProforma; rule: MatchRule; reference?: string }
  | { outcome: 'unmatched'; reason: UnmatchedReason; detail: string; references: string[]; candidateProformaIds: string[] };

function decide(
  entry: StatementEntry,
  transaction: EntryTransaction,
  proformas: readonly OpenProforma[],
  byReference: Map<string, OpenProforma[]>,
  dueOf: (p: OpenProforma) => number,
): Decision {
  const references = referencesIn(entry, transaction);
  const named = unique(references.flatMap((reference) => (byReference.get(reference) ?? []).map((p) => ({ p, reference }))));
  if (named.length === 1) {
    const [{ p, reference }] = named;
    if (p.currency !== transaction.currency) {
      return unmatched(
        'currency-mismatch',
        `${reference} names proforma ${p.id} in ${p.currency}, but ${transaction.currency} was paid`,
        references,
        [p.id],
      );
    }
    return { outcome: 'matched', proforma: p, rule: 'reference', reference };
  }
  if (named.length > 1) {
    const ids = named.map(({ p }) => p.id);
    return unmatched(
      'several-proformas-referenced',
      `references name ${ids.length} open proformas: ${ids.join(', ')}`,
      references,
      ids,
    );
  }

  const unknown = references.length ? `; ${references.join(', ')} names no open proforma` : '';
  const sameAmount = proformas.filter((p) => dueOf(p) > 0 && dueOf(p) === transaction.amountMinor);
  const sameCurrency = sameAmount.filter((p) => p.currency === transaction.currency);
  const payer = transaction.debtor?.name ?? transaction.ultimateDebtor?.name;
  if (sameCurrency.length === 0) {
    if (sameAmount.length > 0) {
      const ids = sameAmount.map((p) => p.id);
      return unmatched(
        'currency-mismatch',
        `the amount is due on ${ids.join(', ')}, but in another currency than ${transaction.currency}${unknown}`,
        references,
        ids,
      );
    }
    return unmatched(
      'no-candidate',
      `no open proforma awaits ${transaction.amountMinor} ${transaction.currency} minor units${unknown}`,
      references,
      [],
    );
  }
  const ids = sameCurrency.map((p) => p.id);
  if (payer === undefined)
    return unmatched(
      'no-payer-name',
      `the amount is due on ${ids.join(', ')}, but the bank gave no payer name${unknown}`,
      references,
      ids,
    );
  const close = sameCurrency.filter((p) => namesAreClose(p.buyerName, payer) || closeToUltimate(p, transaction));
  if (close.length === 1) return { outcome: 'matched', proforma: close[0], rule: 'amount-and-name' };
  if (close.length > 1) {
    const closeIds = close.map((p) => p.id);
    return unmatched(
      'ambiguous-amount',
      `${closeIds.length} open proformas await this amount from '${payer}': ${closeIds.join(', ')}${unknown}`,
      references,
      closeIds,
    );
  }
  return unmatched(
    'name-mismatch',
    `the amount is due on ${ids.join(', ')}, but no buyer name is close to '${payer}'${unknown}`,
    references,
    ids,
  );
}

/** A parent company sometimes pays for its subsidiary, naming it as the ultimate debtor. */
function closeToUltimate(proforma: OpenProforma, transaction: EntryTransaction): boolean {
  const ultimate = transaction.ultimateDebtor?.name;
  return ultimate !== undefined && namesAreClose(proforma.buyerName, ultimate);
}

function unmatched(reason: UnmatchedReason, detail: string, references: string[], candidateProformaIds: string[]): Decision {
  return { outcome: 'unmatched', reason, detail, references, candidateProformaIds };
}

/** The structured reference as written (it may be a plain reference), then every RF reference in the free text. */
function referencesIn(entry: StatementEntry, transaction: EntryTransaction): string[] {
  const structured = transaction.remittance.creditorReference?.value;
  const texts = [
    structured,
    ...transaction.remittance.unstructured,
    transaction.endToEndId,
    transaction.additionalInfo,
    entry.transactions.length === 1 ? entry.additionalInfo : undefined,
  ].filter((text): text is string => text !== undefined);
  const found = findPaymentReferences(texts.join(' '));
  return structured && !found.includes(structured) ? [structured, ...found] : found;
}

function unique(named: { p: OpenProforma; reference: string }[]): { p: OpenProforma; reference: string }[] {
  const seen = new Set<string>();
  return named.filter(({ p }) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

function settle(
  paidMinor: number,
  dueMinor: number,
): Pick<TransactionMatched, 'settlement' | 'remainingDueMinor' | 'surplusMinor'> {
  if (paidMinor === dueMinor) return { settlement: 'exact', remainingDueMinor: 0, surplusMinor: 0 };
  if (paidMinor < dueMinor) return { settlement: 'partial', remainingDueMinor: dueMinor - paidMinor, surplusMinor: 0 };
  return { settlement: 'excess', remainingDueMinor: 0, surplusMinor: paidMinor - Math.max(dueMinor, 0) };
}
