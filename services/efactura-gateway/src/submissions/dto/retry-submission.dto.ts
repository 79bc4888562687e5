import { STAFF_ACTION_REASON_MAX_LENGTH, STAFF_ACTION_REASON_MIN_LENGTH } from '@obolus/contracts';
import { IsSingleLineText } from '@obolus/platform';
import { MinLength } from 'class-validator';

/** Why staff retry a submission (audit): the fix made outside the document. */
export class RetrySubmissionDto {
  @IsSingleLineText(STAFF_ACTION_REASON_MAX_LENGTH)
  @MinLength(STAFF_ACTION_REASON_MIN_LENGTH)
  reason!: string;
}
