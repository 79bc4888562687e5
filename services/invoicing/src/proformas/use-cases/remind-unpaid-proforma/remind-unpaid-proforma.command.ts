import { checkCommand } from '@obolus/platform';
import { REMINDER_DAYS } from '../../proforma-reminders';

export interface RemindUnpaidProformaInput {
  accountId: string;
  proformaId: string;
  reminder: number;
  /** The job's due instant: the business time of the reminder. */
  dueAt: Date;
}

/** Remind the customer of a proforma still unpaid (P4). */
export class RemindUnpaidProformaCommand {
  readonly accountId!: string;
  readonly proformaId!: string;
  readonly reminder!: number;
  readonly dueAt!: Date;

  private constructor(input: Readonly<RemindUnpaidProformaInput>) {
    Object.assign(this, input);
  }

  static create(input: RemindUnpaidProformaInput): RemindUnpaidProformaCommand {
    return new RemindUnpaidProformaCommand(
      checkCommand('remind unpaid proforma', input)
        .uuid('accountId')
        .uuid('proformaId')
        .integer('reminder', 1, REMINDER_DAYS.length)
        .instant('dueAt')
        .valid(),
    );
  }
}
