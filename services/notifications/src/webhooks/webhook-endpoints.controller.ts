import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles, StaffMayRead, StaffOnly, StaffPrincipal, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { CreateWebhookEndpointDto, ReplaySinceDto, UpdateWebhookEndpointDto } from './dto/webhook-endpoint.dto';
import { WebhookDeliveryView, WebhookEndpointView } from './endpoints/endpoint-view';
import { CreateWebhookEndpointCommand } from './use-cases/create-webhook-endpoint/create-webhook-endpoint.command';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointUseCase,
} from './use-cases/create-webhook-endpoint/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpointCommand } from './use-cases/delete-webhook-endpoint/delete-webhook-endpoint.command';
import { DeleteWebhookEndpointUseCase } from './use-cases/delete-webhook-endpoint/delete-webhook-endpoint.use-case';
import { GetWebhookEndpointsCommand } from './use-cases/get-webhook-endpoints/get-webhook-endpoints.command';
import { GetWebhookEndpointsUseCase } from './use-cases/get-webhook-endpoints/get-webhook-endpoints.use-case';
import { ListWebhookDeliveriesCommand } from './use-cases/list-webhook-deliveries/list-webhook-deliveries.command';
import { ListWebhookDeliveriesUseCase } from './use-cases/list-webhook-deliveries/list-webhook-deliveries.use-case';
import { ReplayWebhookDeliveriesCommand } from './use-cases/replay-webhook-deliveries/replay-webhook-deliveries.command';
import {
  ReplayScheduled,
  ReplayWebhookDeliveriesUseCase,
} from './use-cases/replay-webhook-deliveries/replay-webhook-deliveries.use-case';
import { RotateWebhookSecretCommand } from './use-cases/rotate-webhook-secret/rotate-webhook-secret.command';
import {
  RotatedWebhookSecret,
  RotateWebhookSecretUseCase,
} from './use-cases/rotate-webhook-secret/rotate-webhook-secret.use-case';
import { SendTestWebhookCommand } from './use-cases/send-test-webhook/send-test-webhook.command';
import { SendTestWebhookUseCase } from './use-cases/send-test-webhook/send-test-webhook.use-case';
import { UpdateWebhookEndpointCommand } from './use-cases/update-webhook-endpoint/update-webhook-endpoint.command';
import { UpdateWebhookEndpointUseCase } from './use-cases/update-webhook-endpoint/update-webhook-endpoint.use-case';

const uuid = ParseUUIDPipe;

/**
 * The routes of one scope's endpoints, shared by the account's controller and staff's platform-wide one:
 * `accountId` null is the platform scope. (Injectable so that both controllers inherit its constructor's injections.)
 */
@Injectable()
abstract class WebhookEndpointRoutes {
  constructor(
    protected readonly work: UnitOfWorkRunner,
    protected readonly createEndpoint: CreateWebhookEndpointUseCase,
    protected readonly getEndpoints: GetWebhookEndpointsUseCase,
    protected readonly updateEndpoint: UpdateWebhookEndpointUseCase,
    protected readonly deleteEndpoint: DeleteWebhookEndpointUseCase,
    protected readonly rotateSecret: RotateWebhookSecretUseCase,
    protected readonly sendTest: SendTestWebhookUseCase,
    protected readonly listDeliveries: ListWebhookDeliveriesUseCase,
    protected readonly replay: ReplayWebhookDeliveriesUseCase,
  ) {}

  protected create(
    accountId: string | null,
    body: CreateWebhookEndpointDto,
    createdByEmail: string,
  ): Promise<CreatedWebhookEndpoint> {
    return this.work.run((uow) =>
      this.createEndpoint.execute(CreateWebhookEndpointCommand.create({ ...body, accountId, createdByEmail }), uow),
    );
  }

  protected list(accountId: string | null): Promise<WebhookEndpointView[]> {
    return this.work.run((uow) => this.getEndpoints.execute(GetWebhookEndpointsCommand.create({ accountId }), uow));
  }

  protected async one(accountId: string | null, endpointId: string): Promise<WebhookEndpointView> {
    const [endpoint] = await this.work.run((uow) =>
      this.getEndpoints.execute(GetWebhookEndpointsCommand.create({ accountId, endpointId }), uow),
    );
    return endpoint!;
  }

  protected update(accountId: string | null, endpointId: string, body: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    return this.work.run((uow) =>
      this.updateEndpoint.execute(UpdateWebhookEndpointCommand.create({ ...body, accountId, endpointId }), uow),
    );
  }

  protected remove(accountId: string | null, endpointId: string): Promise<void> {
    return this.work.run((uow) =>
      this.deleteEndpoint.execute(DeleteWebhookEndpointCommand.create({ accountId, endpointId }), uow),
    );
  }

  protected rotate(accountId: string | null, endpointId: string): Promise<RotatedWebhookSecret> {
    return this.work.run((uow) => this.rotateSecret.execute(RotateWebhookSecretCommand.create({ accountId, endpointId }), uow));
  }

  protected test(accountId: string | null, endpointId: string): Promise<{ id: string; messageId: string }> {
    return this.work.run((uow) => this.sendTest.execute(SendTestWebhookCommand.create({ accountId, endpointId }), uow));
  }

  protected deliveries(
    accountId: string | null,
    endpointId: string,
    deliveryId?: string,
    limit?: string,
  ): Promise<WebhookDeliveryView[]> {
    const count = limit === undefined ? undefined : Number(limit);
    return this.work.run((uow) =>
      this.listDeliveries.execute(ListWebhookDeliveriesCommand.create({ accountId, endpointId, deliveryId, limit: count }), uow),
    );
  }

  protected replayOne(accountId: string | null, endpointId: string, deliveryId: string): Promise<ReplayScheduled> {
    return this.work.run((uow) =>
      this.replay.execute(ReplayWebhookDeliveriesCommand.create({ accountId, endpointId, deliveryId }), uow),
    );
  }

  protected replaySince(accountId: string | null, endpointId: string, since: string): Promise<ReplayScheduled> {
    return this.work.run((uow) =>
      this.replay.execute(ReplayWebhookDeliveriesCommand.create({ accountId, endpointId, since }), uow),
    );
  }
}

/** An account's webhook endpoints: its owner and admins manage them. */
@StaffMayRead()
@Controller('accounts/:accountId/webhook-endpoints')
@Roles('owner', 'admin')
export class WebhookEndpointsController extends WebhookEndpointRoutes {
  @Post()
  postEndpoint(
    @TenantAccountId() accountId: string,
    @Body() body: CreateWebhookEndpointDto,
    @CurrentPrincipal() caller: Principal,
  ) {
    return this.create(accountId, body, caller.email);
  }

  @Get()
  getEndpoints_(@TenantAccountId() accountId: string) {
    return this.list(accountId);
  }

  @Get(':endpointId')
  getEndpoint(@TenantAccountId() accountId: string, @Param('endpointId', uuid) endpointId: string) {
    return this.one(accountId, endpointId);
  }

  @Patch(':endpointId')
  patchEndpoint(
    @TenantAccountId() accountId: string,
    @Param('endpointId', uuid) endpointId: string,
    @Body() body: UpdateWebhookEndpointDto,
  ) {
    return this.update(accountId, endpointId, body);
  }

  @Delete(':endpointId')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteEndpoint_(@TenantAccountId() accountId: string, @Param('endpointId', uuid) endpointId: string) {
    return this.remove(accountId, endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  postRotateSecret(@TenantAccountId() accountId: string, @Param('endpointId', uuid) endpointId: string) {
    return this.rotate(accountId, endpointId);
  }

  @Post(':endpointId/test')
  @HttpCode(HttpStatus.ACCEPTED)
  postTest(@TenantAccountId() accountId: string, @Param('endpointId', uuid) endpointId: string) {
    return this.test(accountId, endpointId);
  }

  @Get(':endpointId/deliveries')
  getDeliveries(
    @TenantAccountId() accountId: string,
    @Param('endpointId', uuid) endpointId: string,
    @Query('limit') limit?: string,
  ) {
    return this.deliveries(accountId, endpointId, undefined, limit);
  }

  @Get(':endpointId/deliveries/:deliveryId')
  async getDelivery(
    @TenantAccountId() accountId: string,
    @Param('endpointId', uuid) endpointId: string,
    @Param('deliveryId', uuid) deliveryId: string,
  ) {
    return (await this.deliveries(accountId, endpointId, deliveryId))[0];
  }

  @Post(':endpointId/deliveries/:deliveryId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  postReplay(
    @TenantAccountId() accountId: string,
    @Param('endpointId', uuid) endpointId: string,
    @Param('deliveryId', uuid) deliveryId: string,
  ) {
    return this.replayOne(accountId, endpointId, deliveryId);
  }

  @Post(':endpointId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  postReplaySince(
    @TenantAccountId() accountId: string,
    @Param('endpointId', uuid) endpointId: string,
    @Body() body: ReplaySinceDto,
  ) {
    return this.replaySince(accountId, endpointId, body.since);
  }
}

/** Platform-wide endpoints (S1): they hear every account's events. Staff only. */
@Controller('staff/webhook-endpoints')
@StaffOnly()
export class StaffWebhookEndpointsController extends WebhookEndpointRoutes {
  @Post()
  postEndpoint(@Body() body: CreateWebhookEndpointDto, @CurrentPrincipal() staff: StaffPrincipal) {
    return this.create(null, body, staff.email);
  }

  @Get()
  getEndpoints_() {
    return this.list(null);
  }

  @Get(':endpointId')
  getEndpoint(@Param('endpointId', uuid) endpointId: string) {
    return this.one(null, endpointId);
  }

  @Patch(':endpointId')
  patchEndpoint(@Param('endpointId', uuid) endpointId: string, @Body() body: UpdateWebhookEndpointDto) {
    return this.update(null, endpointId, body);
  }

  @Delete(':endpointId')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteEndpoint_(@Param('endpointId', uuid) endpointId: string) {
    return this.remove(null, endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  postRotateSecret(@Param('endpointId', uuid) endpointId: string) {
    return this.rotate(null, endpointId);
  }

  @Post(':endpointId/test')
  @HttpCode(HttpStatus.ACCEPTED)
  postTest(@Param('endpointId', uuid) endpointId: string) {
    return this.test(null, endpointId);
  }

  @Get(':endpointId/deliveries')
  getDeliveries(@Param('endpointId', uuid) endpointId: string, @Query('limit') limit?: string) {
    return this.deliveries(null, endpointId, undefined, limit);
  }

  @Post(':endpointId/deliveries/:deliveryId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  postReplay(@Param('endpointId', uuid) endpointId: string, @Param('deliveryId', uuid) deliveryId: string) {
    return this.replayOne(null, endpointId, deliveryId);
  }

  @Post(':endpointId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  postReplaySince(@Param('endpointId', uuid) endpointId: string, @Body() body: ReplaySinceDto) {
    return this.replaySince(null, endpointId, body.since);
  }
}
