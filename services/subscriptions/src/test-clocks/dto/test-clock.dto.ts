import { ApiProperty } from '@nestjs/swagger';
import { NAME_MAX_LENGTH } from '@obolus/contracts';
import { IsSingleLineText } from '@obolus/platform';
import { IsISO8601 } from 'class-validator';

export class CreateTestClockDto {
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00Z', description: 'The time the clock starts at' })
  @IsISO8601({ strict: true })
  frozenTime!: string;

  @ApiProperty({ example: 'fr-crm monthly renewals', maxLength: NAME_MAX_LENGTH })
  @IsSingleLineText()
  name!: string;
}

export class AdvanceTestClockDto {
  @ApiProperty({ format: 'date-time', description: 'The time to move the clock to; not before its current time' })
  @IsISO8601({ strict: true })
  frozenTime!: string;
}
