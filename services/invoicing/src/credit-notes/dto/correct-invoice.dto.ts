import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
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

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
