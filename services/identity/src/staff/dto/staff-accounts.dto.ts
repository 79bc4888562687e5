import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CatalogCode, Role } from '@obolus/contracts';

export const ACCOUNT_SEARCH_MAX_LIMIT = 100;
export const ACCOUNT_SEARCH_DEFAULT_LIMIT = 20;

export class AccountSearchQuery {
  @ApiProperty({
    description:
      'Part of the company name (case and accents ignored) or of a user’s e-mail address, at least 2 characters; or an account id, matched exactly',
    example: 'exemplu',
  })
  @IsString()
  @MaxLength(254)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: ACCOUNT_SEARCH_MAX_LIMIT, default: ACCOUNT_SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ACCOUNT_SEARCH_MAX_LIMIT)
  limit?: number;
}

/** Where the account stands: closure-requested from the owner's closure until the purge, then closed. */
export type AccountLifecycle = 'active' | 'closure-requested' | 'closed';

export class StaffAccountSummary {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ example: 'RO' }) country!: string;
  @ApiProperty({ enum: ['fr-crm', 'ro-crm'] }) catalog!: CatalogCode;
  @ApiProperty({ nullable: true, type: String, format: 'email', description: 'The first owner; null once purged' })
  ownerEmail!: string | null;
  @ApiProperty({ enum: ['active', 'closure-requested', 'closed'] }) status!: AccountLifecycle;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closureRequestedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The test clock the account lives on (test deployments only)' })
  testClockId?: string;
}

export class StaffAccountSearchView {
  @ApiProperty({ type: StaffAccountSummary, isArray: true, description: 'Newest first' }) accounts!: StaffAccountSummary[];
}

export class StaffAccountMember {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null for an invitation not accepted yet' })
  userId!: string | null;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'user'] }) role!: Role;
  @ApiProperty({ enum: ['active', 'invited'], description: 'invited: an open invitation, not a user yet' })
  status!: 'active' | 'invited';
  @ApiProperty({ format: 'date-time', description: 'When the user joined, or was invited' }) since!: string;
}

export class StaffAccountView extends StaffAccountSummary {
  @ApiProperty({ type: StaffAccountMember, isArray: true, description: 'Users oldest first, then open invitations' })
  users!: StaffAccountMember[];
}
