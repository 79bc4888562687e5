import { IsSeatCount } from '@obolus/platform';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class PurchaseDto {
  @IsString()
  @Length(1, 64)
  edition!: string;

  @IsIn(['monthly', 'annual', 'prepaid-1', 'prepaid-6', 'prepaid-12'])
  term!: 'monthly' | 'annual' | 'prepaid-1' | 'prepaid-6' | 'prepaid-12';

  /** At most what the contracts carry; the edition's own limit is checked against the catalog. */
  @IsSeatCount()
  seats!: number;

  @IsIn(['card', 'sepa_debit', 'ach_debit', 'bank_transfer', 'paypal'])
  paymentMethod!: 'card' | 'sepa_debit' | 'ach_debit' | 'bank_transfer' | 'paypal';

  /** The currency to pay in, one the catalog offers; the catalog's own currency when absent. */
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;
}
