import { MAX_CHARGE_MINOR, STAFF_ACTION_REASON_MAX_LENGTH, STAFF_ACTION_REASON_MIN_LENGTH } from '@obolus/contracts';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RefundDto {
  /** Minor units; everything left to refund when absent. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CHARGE_MINOR)
  amountMinor?: number;

  /** Why, as the audit log keeps it. */
  @IsString()
  @MinLength(STAFF_ACTION_REASON_MIN_LENGTH)
  @MaxLength(STAFF_ACTION_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
