import { TestClockAdvancedV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type AdvanceProviderClocksInput = Pick<TestClockAdvancedV1Data, 'clockId' | 'frozenTime'>;

/** An Obolus test clock moved: move the Stripe test clocks of its accounts' customers to the same time. */
export class AdvanceProviderClocksCommand {
  readonly clockId!: string;
  readonly frozenTime!: string;

  private constructor(input: Readonly<AdvanceProviderClocksInput>) {
    Object.assign(this, input);
  }

  static create({ clockId, frozenTime }: AdvanceProviderClocksInput): AdvanceProviderClocksCommand {
    return new AdvanceProviderClocksCommand(
      checkCommand('advance provider clocks', { clockId, frozenTime }).uuid('clockId').instant('frozenTime').valid(),
    );
  }
}
