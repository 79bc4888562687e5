import { checkCommand } from '@obolus/platform';

export interface RecheckVatNumberInput {
  accountId: string;
  vatNumber: string;
  /** The check that left the number pending. */
  afterCheckId: string;
  /** Re-checks already run for this number. */
  attempt: number;
}

/** Ask VIES again about a number it could not check before (V3). */
export class RecheckVatNumberCommand implements RecheckVatNumberInput {
  readonly accountId!: string;
  readonly vatNumber!: string;
  readonly afterCheckId!: string;
  readonly attempt!: number;

  private constructor(input: Readonly<RecheckVatNumberInput>) {
    Object.assign(this, input);
  }

  static create(input: RecheckVatNumberInput): RecheckVatNumberCommand {
    return new RecheckVatNumberCommand(
      checkCommand('recheck vat number', input)
        .uuid('accountId')
        .string('vatNumber', 20)
        .uuid('afterCheckId')
        .that('attempt', Number.isInteger(input.attempt) && input.attempt >= 0, 'must be a whole number, 0 or more')
        .valid(),
    );
  }
}
