import { ApiProperty } from '@nestjs/swagger';
import { IsSingleLineText } from '@obolus/platform';
import { API_KEY_NAME_MAX_LENGTH } from '../api-key';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'fr-crm production', maxLength: API_KEY_NAME_MAX_LENGTH, description: 'What the key is for' })
  @IsSingleLineText(API_KEY_NAME_MAX_LENGTH)
  name!: string;
}
