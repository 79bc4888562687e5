import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class StartAuthorizationDto {
  @ApiProperty({ example: 'RO18547290', description: 'The CUI to connect, with or without RO' })
  @IsString()
  @MaxLength(16)
  cif!: string;
}
