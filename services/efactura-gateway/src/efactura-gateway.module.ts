import { DynamicModule, Module } from '@nestjs/common';
import { AuthConfig, AuthModule } from '@obolus/auth';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { EfacturaInitial1732233600500 } from './database/migrations/1732233600500-efactura-initial';
import { DocumentsConsumer } from './documents/documents.consumer';
import { DocumentsController } from './documents/documents.controller';
import { DocumentEntity } from './documents/entities/document.entity';
import { UblValidator } from './documents/ubl-validator.provider';
import { PrepareDocumentUseCase } from './documents/use-cases/prepare-document/prepare-document.use-case';

@Module({})
export class EfacturaGatewayModule {
  static forRoot(config: ServiceConfig & AuthConfig, logger: Logger): DynamicModule {
    return {
      module: EfacturaGatewayModule,
      imports: [
        ServiceModule.forRoot({
          service: 'efactura-gateway',
          config,
          logger,
          entities: [DocumentEntity],
          migrations: [EfacturaInitial1732233600500],
        }),
        AuthModule.forService({ service: 'efactura-gateway', config }),
      ],
      controllers: [DocumentsController, DocumentsConsumer],
      providers: [UblValidator, PrepareDocumentUseCase],
    };
  }
}
