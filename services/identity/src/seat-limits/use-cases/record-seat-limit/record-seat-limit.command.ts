import { MAX_SEATS, SubscriptionChangedV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type RecordSeatLimitInput = Pick<
  SubscriptionChangedV1Data,
  'accountId' | 'edition' | 'maxSeats' | 'version' | 'changedAt'
>;

/** Keep how many users the account's edition allows, from one version of its subscription. */
export class RecordSeatLimitCommand implements RecordSeatLimitInput {
  readonly accountId!: string;
  readonly edition!: string;
  readonly maxSeats!: number;
  readonly version!: number;
  /** When the change of the subscription took effect. */
  readonly changedAt!: string;

  private constructor(input: Readonly<RecordSeatLimitInput>) {
    Object.assign(this, input);
  }

  /** Takes only what identity needs from the subscription's whole state. */
  static create(input: RecordSeatLimitInput): RecordSeatLimitCommand {
    const { accountId, edition, maxSeats, version, changedAt } = input;
    return new RecordSeatLimitCommand(
      checkCommand('record seat limit', { accountId, edition, maxSeats, version, changedAt })
        .uuid('accountId')
        .string('edition', 64)
        .integer('maxSeats', 1, MAX_SEATS)
        .integer('version', 1, 2_147_483_647)
        .instant('changedAt')
        .valid(),
    );
  }
}
