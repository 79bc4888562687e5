import { Locale } from '@obolus/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationDeliveredV1 } from '@obolus/contracts';
import { contextFromTraceHeaders, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InvoiceDocuments } from '../../../documents/invoice-documents';
import { Mailer, OutgoingEmail } from '../../../email/mailer';
import { DISPATCH_SETTINGS, DispatchSettings } from '../../../notifications.config';
import { DeliveriesRepository } from '../../deliveries.repository';
import { classifyDeliveryFailure, retryDelayMs } from '../../delivery-failure';
import { DeliveryEntity } from '../../entities/delivery.entity';
import { composeEmail, pdfAttachment } from '../../mappers/deliveries-of-events';
import { DispatchDeliveryCommand } from './dispatch-delivery.command';

const tracer = trace.getTracer('@obolus/notifications');

/**
 * Sends the oldest due pending delivery, recorded by a unit of work that has committed. Its row stays
 * locked (FOR UPDATE SKIP LOCKED) in the caller's unit of work from the claim to the mark, so no other
 * dispatcher sends it meanwhile. A crash after the send and before the mark sends it again with the
 * same Message-ID (the delivery id), which the receiving side recognises as one message.
 */
@Injectable()
export class DispatchDeliveryUseCase {
  private readonly logger = new Logger(DispatchDeliveryUseCase.name);

  constructor(
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    private readonly deliveries: DeliveriesRepository,
    private readonly documents: InvoiceDocuments,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  /** False when no delivery was due. */
  async execute(command: DispatchDeliveryCommand, uow: UnitOfWork): Promise<boolean> {
    const delivery = await this.deliveries.claimNextDue(uow, new Date(command.dueBy));
    if (!delivery) return false;
    await tracer.startActiveSpan(
      `send ${delivery.template} e-mail`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'obolus.delivery.id': delivery.id, 'obolus.delivery.attempt': delivery.attempts + 1 },
      },
      contextFromTraceHeaders(delivery.traceHeaders),
      (span) => this.send(delivery, span, uow).finally(() => span.end()),
    );
    return true;
  }

  private async send(delivery: DeliveryEntity, span: Span, uow: UnitOfWork): Promise<void> {
    try {
      await this.mailer.send(await this.emailOf(delivery));
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      return this.recordFailure(uow, delivery, error);
    }
    // Sent. Should anything below fail, the unit of work rolls back and a later try sends the same
    // Message-ID again.
    await this.recordSent(uow, delivery);
  }

  private async emailOf(delivery: DeliveryEntity): Promise<OutgoingEmail> {
    const email = composeEmail(delivery.template, delivery.templateData, delivery.locale as Locale);
    const attachments = await Promise.all(
      email.attachments.map(async (reference) =>
        pdfAttachment(reference, await this.documents.pdf(reference.documentId, reference.kind)),
      ),
    );
    return {
      deliveryId: delivery.id,
      to: delivery.recipients,
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments,
    };
  }

  private async recordSent(uow: UnitOfWork, delivery: DeliveryEntity): Promise<void> {
    const sentAt = this.clock.now();
    await this.deliveries.markSent(uow, delivery, sentAt);
    await uow.emit(NotificationDeliveredV1, {
      accountId: delivery.accountId,
      subject: delivery.id,
      // One event per delivery, even when a crash made it go out twice.
      id: delivery.id,
      data: {
        accountId: delivery.accountId,
        deliveryId: delivery.id,
        template: delivery.template,
        channel: 'email',
        recipients: delivery.recipients,
        causeEventId: delivery.causeEventId,
        deliveredAt: sentAt.toISOString(),
      },
    });
  }

  private async recordFailure(uow: UnitOfWork, delivery: DeliveryEntity, error: unknown): Promise<void> {
    const { permanent, reason } = classifyDeliveryFailure(error);
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    if (permanent) {
      this.logger.error(`delivery ${delivery.id} (${delivery.template}) failed for good: ${reason}`);
      await this.deliveries.markFailed(uow, delivery, reason, now);
      return;
    }
    const waitMs = retryDelayMs(attempts, this.settings.retryMaxMs);
    this.logger.warn(`delivery ${delivery.id} (${delivery.template}) try ${attempts} failed, next in ${waitMs} ms: ${reason}`);
    await this.deliveries.markRetry(uow, delivery, reason, new Date(now.getTime() + waitMs));
  }
}
