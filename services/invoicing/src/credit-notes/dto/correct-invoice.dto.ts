import { STAFF_ACTION_REASON_MAX_LENGTH, STAFF_ACTION_REASON_MIN_LENGTH } from '@obolus/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CorrectInvoiceDto {
  /** Positions (from 0) of the lines to credit in full; the whole invoice when absent. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(49, { each: true })
  lines?: number[];

  /** Why, as the credit note and the audit log keep it. */
  @IsString()
  @MinLength(STAFF_ACTION_REASON_MIN_LENGTH)
  @MaxLength(STAFF_ACTION_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
