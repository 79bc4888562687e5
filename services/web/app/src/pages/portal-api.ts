import { useParams } from 'react-router-dom';
import { ApiError, get } from '../api';

/** What the portal pages read from the services, as the services answer it. */
export type Term = 'monthly' | 'annual' | 'prepaid-1' | 'prepaid-6' | 'prepaid-12';
export type PaymentMethodCode = 'card' | 'sepa_debit' | 'ach_debit' | 'bank_transfer' | 'paypal';

export interface Subscription {
  id: string;
  accountId: string;
  catalog: 'fr-crm' | 'ro-crm';
  edition: string;
  status: 'trialing' | 'active' | 'free' | 'blocked';
  term: Term | null;
  seats: number;
  users: number;
  paymentMethod: PaymentMethodCode | null;
  currency: string;
  trialEndsOn: string | null;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  pendingEdition: string | null;
  pendingSeats: number | null;
}

export interface CatalogEdition {
  code: string;
  name: string;
  maxSeats: number;
  features: string[];
  prices: Record<string, number>;
  pricesByCurrency?: Record<string, Record<string, number>>;
}

export interface Catalog {
  code: 'fr-crm' | 'ro-crm';
  name: string;
  currency: string;
  terms: Term[];
  freeEdition: string | null;
  paymentMethods: Record<string, PaymentMethodCode[]>;
  annualDiscountForfeitedBy?: PaymentMethodCode[];
  features: Record<string, string>;
  editions: CatalogEdition[];
}

export interface QuoteLine {
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  periodStart?: string;
  periodEnd?: string;
  proration: boolean;
}

/** Why the quote is what it is: a code the portal words in its language, with the figures it names. */
export interface QuoteExplanation {
  code: string;
  values: Record<string, string | number>;
}

/** subscriptions' price preview: amounts before VAT, in minor units. */
export interface Quote {
  kind: 'purchase' | 'change';
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  total: number;
  chargedNow: number;
  nextRenewal?: { date: string; amount: number };
  explanation: QuoteExplanation[];
}

export interface PaymentMethods {
  default: { id: string; type: string } | null;
}

export interface Payment {
  id: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
  status: string;
  provider: string;
  approveUrl?: string | null;
  proformaNumber?: string | null;
  transferReference?: string | null;
  createdAt: string;
}

export interface Address {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode?: string | null;
  countrySubdivision?: string | null;
  country: string;
}

export interface BillingDetails {
  legalName: string;
  buyerType: 'business' | 'individual';
  vatNumber: string | null;
  companyId: string | null;
  tradeRegisterNumber: string | null;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  countrySubdivision: string | null;
  country: string;
  extraRecipients: string[];
  vatStatus: 'verified' | 'pending' | 'invalid' | null;
  vatCheckedAt: string | null;
}

export interface VatNumberCheck {
  vatNumber: string;
  status: 'verified' | 'pending' | 'invalid';
  traderName: string | null;
  traderAddress: string | null;
  checkedAt: string;
}

interface Totals {
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  payableMinor?: number;
}

export interface Invoice {
  id: string;
  number: string;
  catalog: 'fr-crm' | 'ro-crm';
  issueDate: string;
  dueDate: string;
  currency: string;
  totals: Totals;
}

export interface CreditNote {
  id: string;
  number: string;
  invoiceId: string;
  catalog: 'fr-crm' | 'ro-crm';
  issueDate: string;
  currency: string;
  totals: Totals;
}

export interface Proforma {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  status: 'open' | 'paid';
  totals: Totals;
  transfer: { reference: string; iban: string; bic: string; accountHolder: string; amountMinor: number };
}

export interface Me {
  userId: string;
  accountId: string;
  role: string;
  email: string;
  language: string;
  companyName: string;
  country: string;
  catalog: 'fr-crm' | 'ro-crm';
}

/** The account of the page, from its URL: every call names it, so another account's URL gets the services' 403/404. */
export function useAccountId(): string {
  return useParams<{ accountId: string }>().accountId ?? '';
}

/** The account's own subscription, or null while the trial is still being set up (the first seconds after sign-up). */
export async function subscriptionOf(accountId: string): Promise<Subscription | null> {
  try {
    return await get<Subscription>(`subscriptions/accounts/${accountId}/subscription`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'SUBSCRIPTION_NOT_FOUND') return null;
    throw error;
  }
}

/** Whole days from today to a date (YYYY-MM-DD), counted in the visitor's calendar. */
export function daysUntil(date: string, today = new Date()): number {
  const [year = 0, month = 1, day = 1] = date.slice(0, 10).split('-').map(Number);
  const end = Date.UTC(year, month - 1, day);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / 86_400_000);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
