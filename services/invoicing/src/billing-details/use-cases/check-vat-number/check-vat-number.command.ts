import { checkCommand } from '@obolus/platform';
import { checkVatNumberFormat } from '@obolus/vat';

export interface CheckVatNumberInput {
  accountId: string;
  vatNumber: string;
}

/** Ask VIES about an EU VAT number before saving it (V3): the billing details page's "check" button. */
export class CheckVatNumberCommand implements CheckVatNumberInput {
  readonly accountId!: string;
  readonly vatNumber!: string;

  private constructor(input: Readonly<CheckVatNumberInput>) {
    Object.assign(this, input);
  }

  static create(input: CheckVatNumberInput): CheckVatNumberCommand {
    const format = typeof input.vatNumber === 'string' ? checkVatNumberFormat(input.vatNumber) : undefined;
    return new CheckVatNumberCommand(
      checkCommand('check a VAT number', input)
        .uuid('accountId')
        .that(
          'vatNumber',
          format?.ok === true,
          format?.ok === false && format.problem === 'unsupported-country'
            ? 'is not an EU VAT number: VIES checks EU numbers only'
            : 'is not a valid EU VAT number: its format or check digits are wrong',
        )
        .valid(),
    );
  }
}
