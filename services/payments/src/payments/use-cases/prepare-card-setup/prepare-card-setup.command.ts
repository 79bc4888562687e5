import { checkCommand } from '@obolus/platform';

/** The methods a customer may save for off-session charges: cards, and the bank debits of its country. */
export const CARD_SETUP_METHOD_TYPES = ['card', 'sepa_debit', 'us_bank_account'] as const;
export type CardSetupMethodType = (typeof CARD_SETUP_METHOD_TYPES)[number];

export interface PrepareCardSetupInput {
  accountId: string;
  /** The e-mail of the user setting it up, given to the Stripe customer when it is created. */
  email: string;
  /** A card when absent. */
  paymentMethodTypes?: CardSetupMethodType[];
}

/** Start saving a payment method of the account for off-session charges. */
export class PrepareCardSetupCommand {
  readonly accountId!: string;
  readonly email!: string;
  readonly paymentMethodTypes!: CardSetupMethodType[];

  private constructor(input: Readonly<Required<PrepareCardSetupInput>>) {
    Object.assign(this, input);
  }

  static create(input: PrepareCardSetupInput): PrepareCardSetupCommand {
    const types = input.paymentMethodTypes ?? ['card'];
    return new PrepareCardSetupCommand(
      checkCommand('prepare card setup', { ...input, paymentMethodTypes: types })
        .uuid('accountId')
        .string('email', 320)
        .that(
          'paymentMethodTypes',
          Array.isArray(types) && types.every((type) => CARD_SETUP_METHOD_TYPES.includes(type)),
          `must be a list of ${CARD_SETUP_METHOD_TYPES.join(', ')}`,
        )
        .valid(),
    );
  }
}
