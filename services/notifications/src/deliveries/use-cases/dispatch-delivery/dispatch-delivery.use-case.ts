import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationDeliveredV1 } from '@obolus/contracts';
import { contextFromTraceHeaders, OutboxWriter } from '@obolus/messaging';
import { Clock, DATA_SOURCE } from '@obolus/platform';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { DataSource, EntityManager } from 'typeorm';
import { InvoiceDocuments } from '../../../documents/invoice-documents';
import { composeEmail } from '../../../email/compose-email';
import { Mailer, OutgoingEmail } from '../../../email/mailer';
import { DISPATCH_SETTINGS, DispatchSettings } from '../../../notifications.config';
import { DeliveriesRepository } from '../../deliveries.repository';
import { classifyDeliveryFailure, retryDelayMs } from '../../delivery-failure';
import { DeliveryEntity } from '../../entities/delivery.entity';

const tracer = trace.getTracer('@obolus/notifications');

/**
 * Sends the oldest due pending delivery. Its row stays locked (FOR UPDATE SKIP LOCKED) from the claim
 * to the mark, so no other dispatcher sends it meanwhile. A crash after the send and before the mark
 * sends it again with the same Message-ID, which the receiving side recognises as one message.
 */
@Injectable()
export class DispatchDeliveryUseCase {
  private readonly logger = new Logger(DispatchDeliveryUseCase.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    private readonly deliveries: DeliveriesRepository,
    private readonly documents: InvoiceDocuments,
    private readonly mailer: Mailer,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** False when no delivery was due. */
  execute(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.deliveries.claimNextDue(manager, this.clock.now());
      if (!delivery) return false;
      await tracer.startActiveSpan(
        `send ${delivery.template} e-mail`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'obolus.delivery.id': delivery.id, 'obolus.delivery.attempt': delivery.attempts + 1 },
        },
        contextFromTraceHeaders(delivery.traceHeaders),
        async (span) => {
          try {
            try {
              await this.mailer.send(await this.emailOf(delivery));
            } catch (error) {
              span.recordException(error as Error);
              span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
              await this.recordFailure(manager, delivery, error);
              return;
            }
            // Sent. Should anything below fail, the transaction rolls back and a later try sends the
            // same Message-ID again.
            await this.recordSent(manager, delivery);
          } finally {
            span.end();
          }
        },
      );
      return true;
    });
  }

  private async recordSent(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    const sentAt = this.clock.now();
    await this.deliveries.markSent(manager, delivery.id, sentAt);
    await this.outbox.append(manager, NotificationDeliveredV1, {
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

  private async emailOf(delivery: DeliveryEntity): Promise<OutgoingEmail> {
    const email = composeEmail(delivery.template, delivery.templateData);
    const attachments = await Promise.all(
      email.attachments.map(async (reference) => ({
        filename: reference.filename,
        content: await this.documents.pdf(reference),
        contentType: 'application/pdf',
      })),
    );
    return { deliveryId: delivery.id, to: delivery.recipients, subject: email.subject, text: email.text, attachments };
  }

  private async recordFailure(manager: EntityManager, delivery: DeliveryEntity, error: unknown): Promise<void> {
    const { permanent, reason } = classifyDeliveryFailure(error);
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    if (permanent) {
      this.logger.error(`delivery ${delivery.id} (${delivery.template}) failed for good: ${reason}`);
      await this.deliveries.markFailed(manager, delivery.id, reason, now);
      return;
    }
    const waitMs = retryDelayMs(attempts, this.settings.retryMaxMs);
    this.logger.warn(`delivery ${delivery.id} (${delivery.template}) try ${attempts} failed, next in ${waitMs} ms: ${reason}`);
    await this.deliveries.markRetry(manager, delivery.id, reason, new Date(now.getTime() + waitMs));
  }
}
