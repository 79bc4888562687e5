import { Type } from 'class-transformer';
import { IsCountryCode, IsEmailAddress, IsSingleLineText } from '@obolus/platform';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';

export class AddressDto {
  @IsSingleLineText(200) line1!: string;
  @IsOptional() @IsSingleLineText(200) line2?: string;
  /** In Bucharest, SECTOR1 to SECTOR6. */
  @IsSingleLineText(100) city!: string;
  @IsOptional() @IsSingleLineText(20) postalCode?: string;
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'countrySubdivision must be an ISO 3166-2 code such as RO-B or RO-CJ' })
  countrySubdivision?: string;
  @IsCountryCode() country!: string;
}

export class BillingDetailsDto {
  @IsSingleLineText() legalName!: string;
  @IsIn(['business', 'individual']) buyerType!: 'business' | 'individual';
  @IsOptional()
  @Matches(/^[A-Z]{2}[0-9A-Z+*.]{2,13}$/, {
    message: 'vatNumber must start with its country prefix, e.g. FR82342464408 or RO14040242',
  })
  vatNumber?: string;
  /** Romanian CUI (without RO) or CNP; a foreign company's registration number. */
  @IsOptional() @IsSingleLineText(20) companyId?: string;
  @IsOptional() @IsSingleLineText(40) tradeRegisterNumber?: string;
  @IsDefined({ message: 'address is required' })
  @IsObject({ message: 'address must be an object' })
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
  /** Finance addresses that also get every invoice (Admin > Invoices, I1), with the rule invoice.issued checks. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmailAddress({ each: true })
  extraRecipients?: string[];
}

export class VatNumberCheckDto {
  @IsSingleLineText(20) vatNumber!: string;
}
