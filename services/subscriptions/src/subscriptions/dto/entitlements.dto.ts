import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_ADD_SEATS, MAX_STORE_BYTES } from '../use-cases/check-entitlement/check-entitlement.command';
import { MAX_STORAGE_DELTA } from '../use-cases/record-usage/record-usage.command';

export class CheckEntitlementDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  feature?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STORE_BYTES)
  storeBytes?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ADD_SEATS)
  addSeats?: number;
}

export class RecordUsageDto {
  @IsString()
  @Length(1, 200)
  usageId!: string;

  @IsInt()
  @Min(-MAX_STORAGE_DELTA)
  @Max(MAX_STORAGE_DELTA)
  storageDeltaBytes!: number;
}
