import { STAFF_ACTION_REASON_MAX_LENGTH, STAFF_ACTION_REASON_MIN_LENGTH } from '@obolus/contracts';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_TRIAL_EXTENSION_DAYS } from '../use-cases/extend-trial/extend-trial.command';

/** Why a staff member acts on an account, as the audit log keeps it. */
export class StaffReasonDto {
  @IsString()
  @Length(STAFF_ACTION_REASON_MIN_LENGTH, STAFF_ACTION_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class TrialExtensionDto extends StaffReasonDto {
  @IsInt()
  @Min(1)
  @Max(MAX_TRIAL_EXTENSION_DAYS)
  days!: number;
}
