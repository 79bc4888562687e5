import { IsSingleLineText } from '@obolus/platform';
import { IsInt, IsString, Matches, Min } from 'class-validator';

/** Which dead letter to send back (as listed), and why: the reason goes to the account's audit trail. */
export class ReplayDeadLetterDto {
  @IsString()
  @Matches(/^[a-z0-9.-]{1,200}$/)
  topic!: string;

  @IsInt()
  @Min(0)
  partition!: number;

  @IsString()
  @Matches(/^\d{1,20}$/)
  offset!: string;

  @IsSingleLineText(500)
  reason!: string;
}
