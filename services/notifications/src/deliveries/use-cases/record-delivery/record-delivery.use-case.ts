import { Injectable, Logger } from '@nestjs/common';
import { captureTraceHeaders, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { context } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { DeliveriesRepository } from '../../deliveries.repository';
import { RecordDeliveryCommand } from './record-delivery.command';

/**
 * Records that an e-mail is owed, in the causing event's unit of work, and sends nothing: the
 * dispatcher sends it once this unit of work has committed. A rolled-back handler leaves no trace, and
 * a redelivered event finds its delivery already recorded. An event that owes no e-mail after all (it
 * names nobody) records nothing, and the log says so.
 */
@Injectable()
export class RecordDeliveryUseCase {
  private readonly logger = new Logger(RecordDeliveryUseCase.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordDeliveryCommand, uow: UnitOfWork): Promise<void> {
    if (command.noneOwedBecause !== undefined) {
      this.logger.log(
        `no ${command.template} e-mail for event ${command.causeEventId} of account ${command.accountId}: ${command.noneOwedBecause}`,
      );
      return;
    }
    await this.deliveries.insertPending(uow, {
      id: randomUUID(),
      accountId: command.accountId,
      template: command.template,
      recipients: command.recipients,
      locale: command.locale,
      causeEventId: command.causeEventId,
      templateData: command.templateData,
      traceHeaders: captureTraceHeaders(context.active()),
      nextAttemptAt: this.clock.now(),
    });
  }
}
