import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { SignUpDto } from './dto/sign-up.dto';
import { signUpCommandFrom } from './use-cases/sign-up/sign-up.command';
import { SignUpResult, SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';

@Controller('accounts')
export class AccountsController {
  constructor(private readonly signUp: SignUpUseCase) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Body() body: SignUpDto): Promise<SignUpResult> {
    return this.signUp.execute(signUpCommandFrom(body));
  }
}
