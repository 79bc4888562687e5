import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_CHARGE_MINOR } from '@obolus/contracts';

export class RefundDto {
  /** Minor units; everything left to refund when absent. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CHARGE_MINOR)
  amountMinor?: number;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
