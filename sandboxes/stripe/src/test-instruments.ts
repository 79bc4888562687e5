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
