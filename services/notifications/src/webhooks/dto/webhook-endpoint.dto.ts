import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_NAMES } from '@obolus/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const eventTypesMessage = `eventTypes must each be one of ${WEBHOOK_EVENT_NAMES.join(', ')}`;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const singleLine = /^[^\u0000-\u001f\u007f]*$/;

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://crm.example.com/obolus/webhooks', maxLength: 2048 })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ example: ['invoice.issued', 'entitlements.changed'], enum: WEBHOOK_EVENT_NAMES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_NAMES.length)
  @IsIn(WEBHOOK_EVENT_NAMES, { each: true, message: eventTypesMessage })
  eventTypes!: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(singleLine, { message: 'description must be one line of text' })
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_NAMES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_NAMES.length)
  @IsIn(WEBHOOK_EVENT_NAMES, { each: true, message: eventTypesMessage })
  eventTypes?: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(singleLine, { message: 'description must be one line of text' })
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ReplaySinceDto {
  @ApiProperty({ example: '2026-11-27T00:00:00Z', description: 'Every delivery made since this instant (at most 1,000)' })
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 instant' })
  since!: string;
}
