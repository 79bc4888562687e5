import { IsArray, IsIn, IsOptional } from 'class-validator';
import { CARD_SETUP_METHOD_TYPES, CardSetupMethodType } from '../use-cases/prepare-card-setup/prepare-card-setup.command';

export class SetupIntentDto {
  @IsOptional()
  @IsArray()
  @IsIn(CARD_SETUP_METHOD_TYPES, { each: true })
  paymentMethodTypes?: CardSetupMethodType[];
}
