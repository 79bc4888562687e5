import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, PaymentRefundedV1, PaymentRefundedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { IssueRefundCreditNoteCommand } from './use-cases/issue-refund-credit-note/issue-refund-credit-note.command';
import { IssueRefundCreditNoteUseCase } from './use-cases/issue-refund-credit-note/issue-refund-credit-note.use-case';

@Controller()
export class CreditNotesConsumer {
  constructor(private readonly issueRefundCreditNote: IssueRefundCreditNoteUseCase) {}

  @EventPattern(PaymentRefundedV1.type)
  onPaymentRefunded(@Payload() event: CloudEvent<PaymentRefundedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.issueRefundCreditNote.execute(IssueRefundCreditNoteCommand.create(event.data), uow);
  }
}
