import { checkCommand } from '@obolus/platform';

export interface DispatchDeliveryInput {
  /** Deliveries due at or before this instant may be claimed (ISO 8601). */
  dueBy: string;
}

/** Send the oldest pending delivery that is due. */
export class DispatchDeliveryCommand {
  readonly dueBy!: string;

  private constructor(input: Readonly<DispatchDeliveryInput>) {
    Object.assign(this, input);
  }

  static create(input: DispatchDeliveryInput): DispatchDeliveryCommand {
    return new DispatchDeliveryCommand(checkCommand('dispatch delivery', input).instant('dueBy').valid());
  }
}
