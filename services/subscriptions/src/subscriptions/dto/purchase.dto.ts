import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';

export class PurchaseDto {
  @IsString()
  @Length(1, 64)
  edition!: string;

  @IsIn(['monthly', 'annual', 'prepaid-1', 'prepaid-6', 'prepaid-12'])
  term!: 'monthly' | 'annual' | 'prepaid-1' | 'prepaid-6' | 'prepaid-12';

  @IsInt()
  @Min(1)
  @Max(10000)
  seats!: number;

  @IsIn(['card', 'sepa_debit', 'ach_debit', 'bank_transfer', 'paypal'])
  paymentMethod!: 'card' | 'sepa_debit' | 'ach_debit' | 'bank_transfer' | 'paypal';
}
