import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class AddressDto {
  @IsString() @Length(1, 200) line1!: string;
  @IsOptional() @IsString() @Length(1, 200) line2?: string;
  /** In Bucharest, SECTOR1 to SECTOR6. */
  @IsString() @Length(1, 100) city!: string;
  @IsOptional() @IsString() @Length(1, 20) postalCode?: string;
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'countrySubdivision must be an ISO 3166-2 code such as RO-B or RO-CJ' })
  countrySubdivision?: string;
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
}

export class BillingDetailsDto {
  @IsString() @Length(1, 200) legalName!: string;
  @IsIn(['business', 'individual']) buyerType!: 'business' | 'individual';
  @IsOptional()
  @Matches(/^[A-Z]{2}[0-9A-Z+*.]{2,13}$/, {
    message: 'vatNumber must start with its country prefix, e.g. FR82342464408 or RO14040242',
  })
  vatNumber?: string;
  /** Romanian CUI (without RO) or CNP; a foreign company's registration number. */
  @IsOptional() @IsString() @Length(1, 20) companyId?: string;
  @IsOptional() @IsString() @Length(1, 40) tradeRegisterNumber?: string;
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
  /** Finance addresses that also get every invoice (Admin > Invoices, I1). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'each extra recipient must be an e-mail address' })
  extraRecipients?: string[];
}
