/**
 * Stripe's documented test instruments: the magic PaymentMethod ids (`pm_card_visa`), card tokens
 * (`tok_visa`), test card numbers and SEPA test IBANs, with the outcome each one produces.
 */
export interface Decline {
  code: string;
  decline_code: string;
  message: string;
  param?: string;
}

export interface CardProfile {
  name: string;
  number: string;
  brand: string;
  country: string;
  funding: 'credit' | 'debit' | 'prepaid';
  /** Declined when charged. */
  decline?: Decline;
  /** Declined when attached or set up, before any charge (Stripe checks the card). */
  declinesOnSetup?: boolean;
  /** 3D Secure: 'always' on every payment, 'setup' only until it has been set up for off-session use. */
  authentication?: 'always' | 'setup';
}

const genericDecline: Decline = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };

export const AUTHENTICATION_REQUIRED: Decline = {
  code: 'authentication_required',
  decline_code: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

const CARDS: CardProfile[] = [
  { name: 'visa', number: '4242424242424242', brand: 'visa', country: 'US', funding: 'credit' },
  { name: 'visa_debit', number: '4000056655665556', brand: 'visa', country: 'US', funding: 'debit' },
  { name: 'mastercard', number: '5555555555554444', brand: 'mastercard', country: 'US', funding: 'credit' },
  { name: 'mastercard_debit', number: '5200828282828210', brand: 'mastercard', country: 'US', funding: 'debit' },
  { name: 'amex', number: '378282246310005', brand: 'amex', country: 'US', funding: 'credit' },
  { name: 'ro', number: '4000006420000001', brand: 'visa', country: 'RO', funding: 'credit' },
  { name: 'de', number: '4000002760000016', brand: 'visa', country: 'DE', funding: 'credit' },
  {
    name: 'chargeDeclined',
    number: '4000000000000002',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: genericDecline,
    declinesOnSetup: true,
  },
  {
    name: 'chargeDeclinedInsufficientFunds',
    number: '4000000000009995',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    declinesOnSetup: true,
  },
  {
    name: 'chargeDeclinedLostCard',
    number: '4000000000009987',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: { code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.' },
    declinesOnSetup: true,
  },
  {
    name: 'chargeDeclinedExpiredCard',
    number: '4000000000000069',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.', param: 'exp_month' },
    declinesOnSetup: true,
  },
  {
    name: 'chargeDeclinedIncorrectCvc',
    number: '4000000000000127',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: {
      code: 'incorrect_cvc',
      decline_code: 'incorrect_cvc',
      message: "Your card's security code is incorrect.",
      param: 'cvc',
    },
    declinesOnSetup: true,
  },
  {
    name: 'chargeDeclinedProcessingError',
    number: '4000000000000119',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: {
      code: 'processing_error',
      decline_code: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
    declinesOnSetup: true,
  },
  // Attaching succeeds; every charge is declined.
  {
    name: 'chargeCustomerFail',
    number: '4000000000000341',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    decline: genericDecline,
  },
  {
    name: 'authenticationRequired',
    number: '4000002760003184',
    brand: 'visa',
    country: 'DE',
    funding: 'credit',
    authentication: 'always',
  },
  {
    name: 'authenticationRequiredOnSetup',
    number: '4000002500003155',
    brand: 'visa',
    country: 'IE',
    funding: 'credit',
    authentication: 'setup',
  },
  {
    name: 'threeDSecure2Required',
    number: '4000000000003220',
    brand: 'visa',
    country: 'US',
    funding: 'credit',
    authentication: 'always',
  },
];

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `pm_card_visa`, `tok_visa`, `tok_chargeDeclined` and the card numbers map to a profile. */
export function cardProfileFor(reference: string): CardProfile | undefined {
  const digits = reference.replace(/\s/g, '');
  return CARDS.find(
    (card) =>
      reference === `pm_card_${card.name}` ||
      reference === `tok_${card.name}` ||
      reference === `tok_${capitalised(card.name)}` ||
      digits === card.number,
  );
}

export function isMagicPaymentMethod(id: string): boolean {
  return (id.startsWith('pm_card_') || id.startsWith('tok_')) && cardProfileFor(id) !== undefined;
}

export interface IbanProfile {
  iban: string;
  country: string;
  bankCode: string;
  branchCode: string;
  /** A debit from this account fails after processing. */
  failure?: { code: string; message: string };
}

const IBANS: IbanProfile[] = [
  { iban: 'DE89370400440532013000', country: 'DE', bankCode: '37040044', branchCode: '' },
  {
    iban: 'DE62370400440532013001',
    country: 'DE',
    bankCode: '37040044',
    branchCode: '',
    failure: { code: 'insufficient_funds', message: "The customer's account has insufficient funds to cover this payment." },
  },
  { iban: 'AT611904300234573201', country: 'AT', bankCode: '19043', branchCode: '' },
  { iban: 'FR1420041010050500013M02606', country: 'FR', bankCode: '20041', branchCode: '01005' },
];

export function ibanProfileFor(iban: string): IbanProfile | undefined {
  const normalised = iban.replace(/\s/g, '').toUpperCase();
  return IBANS.find((profile) => profile.iban === normalised);
}

/** A US bank account (ACH Direct Debit, `us_bank_account`), by Stripe's test routing and account numbers. */
export interface BankAccountProfile {
  routingNumber: string;
  accountNumber: string;
  bankName: string;
  /** A debit from this account fails after processing. */
  failure?: { code: string; message: string };
}

/** Stripe's test routing number; its test account numbers decide each debit's outcome. */
export const TEST_ROUTING_NUMBER = '110000000';

const BANK_ACCOUNTS: Omit<BankAccountProfile, 'routingNumber' | 'bankName'>[] = [
  { accountNumber: '000123456789' },
  {
    accountNumber: '000222222227',
    failure: { code: 'insufficient_funds', message: "The customer's bank account has insufficient funds." },
  },
  {
    accountNumber: '000111111113',
    failure: { code: 'account_closed', message: "The customer's bank account has been closed." },
  },
  {
    accountNumber: '000111111116',
    failure: { code: 'no_account', message: "The customer's bank account could not be located." },
  },
  {
    accountNumber: '000333333335',
    failure: {
      code: 'debit_not_authorized',
      message: 'The customer has notified their bank that this payment was unauthorized.',
    },
  },
];

/** The test account at Stripe's test routing number, or undefined for numbers Stripe would reject. */
export function bankAccountProfileFor(routingNumber: string, accountNumber: string): BankAccountProfile | undefined {
  if (routingNumber !== TEST_ROUTING_NUMBER) return undefined;
  const found = BANK_ACCOUNTS.find((account) => account.accountNumber === accountNumber);
  return found && { ...found, routingNumber, bankName: 'STRIPE TEST BANK' };
}

/**
 * How long a bank debit stays processing before it settles, in business days (Monday to Friday):
 * SEPA Direct Debit 3 (D+3 in test mode, as Obolus models it), ACH Direct Debit 4.
 */
export const SETTLEMENT_BUSINESS_DAYS: Record<string, number> = { sepa_debit: 3, us_bank_account: 4 };

/** `days` business days (Monday to Friday, UTC) after `seconds`, at the same time of day. */
export function addBusinessDays(seconds: number, days: number): number {
  const at = new Date(seconds * 1000);
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return Math.floor(at.getTime() / 1000);
}
