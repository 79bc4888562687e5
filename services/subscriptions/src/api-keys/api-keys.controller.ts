import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, StaffOnly, StaffPrincipal } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ApiKeyView, CreatedApiKey } from './api-key';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreateApiKeyCommand } from './use-cases/create-api-key/create-api-key.command';
import { CreateApiKeyUseCase } from './use-cases/create-api-key/create-api-key.use-case';
import { ListApiKeysCommand } from './use-cases/list-api-keys/list-api-keys.command';
import { ListApiKeysUseCase } from './use-cases/list-api-keys/list-api-keys.use-case';
import { RevokeApiKeyCommand } from './use-cases/revoke-api-key/revoke-api-key.command';
import { RevokeApiKeyUseCase } from './use-cases/revoke-api-key/revoke-api-key.use-case';

/** Staff create, list and revoke the API keys of integrating products (console tokens only). */
@Controller('staff/api-keys')
@StaffOnly()
export class StaffApiKeysController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly createApiKey: CreateApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
    private readonly revokeApiKey: RevokeApiKeyUseCase,
  ) {}

  /** The key is in this answer only; it is stored hashed. */
  @Post()
  create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() staff: StaffPrincipal): Promise<CreatedApiKey> {
    return this.work.run((uow) =>
      this.createApiKey.execute(CreateApiKeyCommand.create({ name: body.name, createdBy: staff.staffId }), uow),
    );
  }

  @Get()
  list(): Promise<ApiKeyView[]> {
    return this.work.run((uow) => this.listApiKeys.execute(ListApiKeysCommand.create(), uow));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string): Promise<void> {
    return this.work.run((uow) => this.revokeApiKey.execute(RevokeApiKeyCommand.create({ id }), uow));
  }
}
