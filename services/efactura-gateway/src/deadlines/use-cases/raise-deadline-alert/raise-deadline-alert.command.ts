import { checkCommand } from '@obolus/platform';
import { WorkingDaysLeft } from '../../deadline-schedule';

/** Tell the owner and staff that a document's deadline is near, unless ANAF accepted it. */
export class RaiseDeadlineAlertCommand {
  readonly documentId!: string;
  readonly workingDaysLeft!: WorkingDaysLeft;

  private constructor(input: Readonly<{ documentId: string; workingDaysLeft: WorkingDaysLeft }>) {
    Object.assign(this, input);
  }

  static create(input: { documentId: string; workingDaysLeft: number }): RaiseDeadlineAlertCommand {
    return new RaiseDeadlineAlertCommand(
      checkCommand('raise deadline alert', input)
        .uuid('documentId')
        .that('workingDaysLeft', input.workingDaysLeft === 1 || input.workingDaysLeft === 2, 'must be 1 or 2')
        .valid() as { documentId: string; workingDaysLeft: WorkingDaysLeft },
    );
  }
}
