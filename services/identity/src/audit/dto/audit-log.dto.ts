import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditLogQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The id of the last entry of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be an entry id' })
  before?: string;
}

export class AuditActorView {
  @ApiProperty({ enum: ['user', 'staff'] }) type!: 'user' | 'staff';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a user since removed' }) email!: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ example: 'invoice', description: 'user, subscription, invoice, payment, credit-note…' }) type!: string;
  @ApiProperty({ example: 'OBL-2026-000123' }) id!: string;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'sign-in.failed' }) event!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) clientIp!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorView, nullable: true, description: 'Who did it; null when nobody is known (a failed sign-in)' })
  actor!: AuditActorView | null;
  @ApiProperty({
    example: 'subscription.bill-early',
    description: 'What was done: the action of a staff action (staff.action-taken), else the event',
  })
  action!: string;
  @ApiProperty({ nullable: true, type: String, description: "Why: the staff member's reason, or why a sign-in failed" })
  reason!: string | null;
  @ApiProperty({ type: AuditSubjectView, nullable: true, description: 'What it was done to' })
  subject!: AuditSubjectView | null;
}
