import { ApiError, get } from '../api';

/** What the console reads from the services' staff routes, as they answer it. */
export interface StaffAccountSummary {
  accountId: string;
  companyName: string;
  country: string;
  catalog: 'fr-crm' | 'ro-crm';
  ownerEmail: string | null;
  status: 'active' | 'closure-requested' | 'closed';
  closureRequestedAt?: string | null;
  createdAt: string;
  testClockId?: string;
}

export interface StaffAccountMember {
  userId: string | null;
  email: string;
  role: 'owner' | 'admin' | 'user';
  status: 'active' | 'invited';
  since: string;
}

export interface StaffAccount extends StaffAccountSummary {
  users: StaffAccountMember[];
}

export interface AuditEntry {
  id: string;
  event: string;
  action: string;
  reason: string | null;
  actor: { type: 'user' | 'staff'; id: string; email: string | null } | null;
  subject: { type: string; id: string } | null;
  occurredAt: string;
}

export interface StaffSubscription {
  edition: string;
  status: string;
  term: string | null;
  seats: number;
  paymentMethod: string | null;
  currency: string;
  trialEndsOn: string | null;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  /** The end of the last period billed, ahead of the current one after a bill-early. */
  billedThrough?: string | null;
  entitlements?: Record<string, unknown>;
  features?: string[];
}

export interface StaffPayment {
  id: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
  status: string;
  provider: string;
  proformaNumber?: string | null;
  transferReference?: string | null;
  createdAt: string;
}

export interface Refund {
  id: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  status: string;
  reason?: string | null;
  createdAt?: string;
}

export interface DocumentLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  netMinor: number;
  vatRateBasisPoints: number;
}

export interface Totals {
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
}

export interface StaffInvoice {
  id: string;
  number: string;
  catalog: 'fr-crm' | 'ro-crm';
  issueDate: string;
  currency: string;
  totals: Totals;
  lines?: DocumentLine[];
  paymentId?: string | null;
}

export interface StaffCreditNote {
  id: string;
  number: string;
  invoiceId: string;
  catalog: 'fr-crm' | 'ro-crm';
  issueDate: string;
  currency: string;
  reason?: string | null;
  totals: Totals;
}

export interface StaffProforma {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  status: string;
  totals: Totals;
  paymentId?: string | null;
  transfer?: { reference: string; amountMinor: number };
}

export interface UnmatchedEntry {
  transactionKey: string;
  reason: string | null;
  detail: string | null;
  amountMinor: number;
  currency: string;
  direction: 'credit' | 'debit';
  bookingDate: string | null;
  payerName: string | null;
  references: string[];
  candidatePaymentIds: string[];
  statement: { id: string; accountIban: string; statementId: string; uploadedAt: string };
}

export interface Submission {
  invoiceId: string;
  cif: string;
  status: string;
  uploadIndex: string | null;
  anafErrors: string[];
  queuedAt: string;
  uploadedAt: string | null;
  settledAt: string | null;
  attempt: number;
  deadline?: string | null;
}

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  eventType?: string | null;
  eventId?: string | null;
  accountId?: string | null;
  error?: string | null;
  [other: string]: unknown;
}

export interface TestClock {
  id: string;
  name: string;
  frozenTime: string;
  status?: string;
}

/** A section the console has no staff route for yet: it says so instead of failing. */
export const UNAVAILABLE = 'unavailable' as const;
export type Optional<T> = T | typeof UNAVAILABLE;

/**
 * A read from a staff route that a service may not offer: a 404 or 405 of the route itself (or a 403 of a
 * customer route) is "not available in the console", not an error of the page.
 */
export async function optional<T>(path: string): Promise<Optional<T>> {
  try {
    return await get<T>(path);
  } catch (error) {
    if (error instanceof ApiError && [403, 404, 405].includes(error.status)) return UNAVAILABLE;
    throw error;
  }
}

/** The services whose dead letters the console lists. */
export const DEAD_LETTER_SERVICES = [
  'identity',
  'subscriptions',
  'payments',
  'invoicing',
  'efactura-gateway',
  'notifications',
] as const;

/** A line's amount with its VAT, in minor units, as the invoice computed it (rounded half up). */
export function lineGross(line: DocumentLine): number {
  return line.netMinor + Math.round((line.netMinor * line.vatRateBasisPoints) / 10_000);
}
