import { IsString, Length } from 'class-validator';

export class ChangeEditionDto {
  @IsString()
  @Length(1, 64)
  edition!: string;
}
