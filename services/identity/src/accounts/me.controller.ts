import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { MeView } from './dto/me.dto';
import { GetMeCommand } from './use-cases/get-me/get-me.command';
import { GetMeUseCase } from './use-cases/get-me/get-me.use-case';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getMe: GetMeUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in customer and their account: role, e-mail, language, company, country, catalog' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentPrincipal() user: Principal): Promise<MeView> {
    return this.work.run((uow) =>
      this.getMe.execute(GetMeCommand.create({ accountId: user.accountId, userId: user.userId }), uow),
    );
  }
}
