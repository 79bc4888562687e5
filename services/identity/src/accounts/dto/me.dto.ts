import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogCode, Locale, Role } from '@obolus/contracts';

/** The signed-in customer and their account, as the portal shows them. */
export class MeView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'user'] }) role!: Role;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name the user gave when joining' })
  displayName!: string | null;
  @ApiProperty({ enum: ['fr', 'ro', 'en'], description: "The account's language (documents, e-mails, the portal)" })
  language!: Locale;
  @ApiProperty() companyName!: string;
  @ApiProperty({ example: 'RO', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: ['fr-crm', 'ro-crm'] }) catalog!: CatalogCode;
}
