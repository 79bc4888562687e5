import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, CreditNoteIssuedV1, CreditNoteIssuedV1Data, InvoiceIssuedV1, InvoiceIssuedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { PrepareDocumentCommand } from './use-cases/prepare-document/prepare-document.command';
import { PrepareDocumentUseCase } from './use-cases/prepare-document/prepare-document.use-case';

@Controller()
export class DocumentsConsumer {
  constructor(private readonly prepareDocument: PrepareDocumentUseCase) {}

  @EventPattern(InvoiceIssuedV1.type)
  onInvoiceIssued(@Payload() event: CloudEvent<InvoiceIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.prepareDocument.execute(PrepareDocumentCommand.create({ invoice: event.data }), uow);
  }

  @EventPattern(CreditNoteIssuedV1.type)
  onCreditNoteIssued(@Payload() event: CloudEvent<CreditNoteIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.prepareDocument.execute(PrepareDocumentCommand.create({ creditNote: event.data }), uow);
  }
}
