import { CloudEvent } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

/** An account notice that staff hear of as well as the owner (e-Factura rejections, deadlines, authorisations). */
export class RecordStaffAlertCommand {
  readonly event!: CloudEvent<{ accountId: string }>;
  readonly accountId!: string;

  private constructor(input: Readonly<RecordStaffAlertCommand>) {
    Object.assign(this, input);
  }

  static create({ event }: { event: CloudEvent<{ accountId: string }> }): RecordStaffAlertCommand {
    return new RecordStaffAlertCommand(
      checkCommand('record staff alert', { event, accountId: event?.data?.accountId })
        .that('event', typeof event?.type === 'string' && typeof event?.id === 'string', 'must be a CloudEvent')
        .uuid('accountId')
        .valid(),
    );
  }
}
