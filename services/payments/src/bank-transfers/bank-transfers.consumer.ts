import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, ProformaIssuedV1, ProformaIssuedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { AwaitBankTransferCommand } from './use-cases/await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from './use-cases/await-bank-transfer/await-bank-transfer.use-case';

@Controller()
export class BankTransfersConsumer {
  constructor(private readonly awaitBankTransfer: AwaitBankTransferUseCase) {}

  /** The proforma names the buyer, whose name is compared with the payer's when a transfer has no reference. */
  @EventPattern(ProformaIssuedV1.type)
  onProformaIssued(@Payload() event: CloudEvent<ProformaIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.awaitBankTransfer.execute(AwaitBankTransferCommand.fromProforma(event.data), uow);
  }
}
