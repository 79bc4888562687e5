import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, StaffOnly, StaffPrincipal } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { SignInDto } from '../auth/dto/auth.dto';
import { ClientInfo, TokenPair } from '../sessions/session-tokens';
import { SignInStaffCommand } from './use-cases/sign-in-staff/sign-in-staff.command';
import { SignInStaffUseCase } from './use-cases/sign-in-staff/sign-in-staff.use-case';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly signInStaff: SignInStaffUseCase,
  ) {}

  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Console sign-in (S1): a token for the console audience, refused by customer routes' })
  @ApiOkResponse({ type: TokenPair })
  signIn(@Body() body: SignInDto, @Client() client: ClientInfo): Promise<TokenPair> {
    return this.work.run((uow) =>
      this.signInStaff.execute(SignInStaffCommand.create({ email: body.email, password: body.password, client }), uow),
    );
  }

  @StaffOnly()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in staff member' })
  me(@CurrentPrincipal() staff: StaffPrincipal): StaffPrincipal {
    return staff;
  }
}
