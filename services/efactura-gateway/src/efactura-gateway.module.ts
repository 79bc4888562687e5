import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@obolus/auth';
import { ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { EfacturaInitial1732233600500 } from './database/migrations/1732233600500-efactura-initial';
import { DocumentsConsumer } from './documents/documents.consumer';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentEntity } from './documents/entities/document.entity';
import { UblValidator } from './documents/ubl-validator.provider';
import { GetDocumentXmlUseCase } from './documents/use-cases/get-document-xml/get-document-xml.use-case';
import { ListDocumentsUseCase } from './documents/use-cases/list-documents/list-documents.use-case';
import { PrepareDocumentUseCase } from './documents/use-cases/prepare-document/prepare-document.use-case';
import { EfacturaGatewayConfig } from './efactura-gateway.config';

@Module({})
export class EfacturaGatewayModule {
  static forRoot(config: EfacturaGatewayConfig, logger: Logger): DynamicModule {
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
      providers: [UblValidator, DocumentsRepository, PrepareDocumentUseCase, ListDocumentsUseCase, GetDocumentXmlUseCase],
    };
  }
}
