import { IsSingleLineText } from '@obolus/platform';

/** Why staff retry a submission (audit): the fix made outside the document. */
export class RetrySubmissionDto {
  @IsSingleLineText(500)
  reason!: string;
}
