import { Inject, Injectable, Logger } from '@nestjs/common';
import { Locale, LOCALES, WebhookEndpointFailingV1 } from '@obolus/contracts';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock, SecretBox } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AttemptJobPayload, nextAttemptDue, WEBHOOK_ATTEMPT_JOB } from '../../delivery/retry-schedule';
import { webhookHeaders } from '../../delivery/signature';
import { SendOutcome, WebhookSender } from '../../delivery/webhook-sender';
import { AccountContactsRepository } from '../../../contacts/account-contacts.repository';
import { WebhookDelivery, WebhookEndpoint, WebhooksRepository } from '../../webhooks.repository';
import { AttemptWebhookDeliveryCommand } from './attempt-webhook-delivery.command';

export type AttemptResult = 'delivered' | 'retry-planned' | 'failed' | 'skipped';

const succeeded = (outcome: SendOutcome): boolean =>
  outcome.statusCode !== undefined && outcome.statusCode >= 200 && outcome.statusCode < 300;

/**
 * One attempt of one delivery, in the unit of work of its durable job (the delivery row is locked, so a
 * replay and a retry never interleave). It signs the stored body with the endpoint's secrets (two during
 * a rotation), POSTs it, and logs the attempt. A scheduled attempt that fails plans the next one on the
 * retry schedule, from its own due instant (so on a test clock, retries follow the clock); after the
 * tenth the delivery has failed and the endpoint is marked failing, which publishes
 * webhook-endpoint.failing (its owner is e-mailed). Any later success marks it active again.
 */
@Injectable()
export class AttemptWebhookDeliveryUseCase {
  private readonly logger = new Logger(AttemptWebhookDeliveryUseCase.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly contacts: AccountContactsRepository,
    private readonly sender: WebhookSender,
    private readonly scheduler: JobScheduler,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async execute(command: AttemptWebhookDeliveryCommand, uow: UnitOfWork): Promise<AttemptResult> {
    const delivery = await this.webhooks.lockDelivery(uow, command.deliveryId);
    if (!delivery) return 'skipped';
    // A replay delivered it meanwhile, or it has failed for good: a leftover scheduled attempt does nothing.
    if (command.trigger === 'schedule' && delivery.status !== 'pending') return 'skipped';
    const endpoint = await this.webhooks.endpointById(uow, delivery.endpointId);
    if (!endpoint || endpoint.deleted || !endpoint.enabled) {
      const why = !endpoint || endpoint.deleted ? 'the endpoint was deleted' : 'the endpoint is disabled';
      await this.webhooks.updateDelivery(uow, delivery.id, {
        ...delivery,
        status: delivery.status === 'delivered' ? 'delivered' : 'failed',
        nextAttemptAt: null,
        lastError: why,
      });
      return 'skipped';
    }

    const now = this.clock.now();
    const outcome = await this.sender.send(endpoint.url, this.headersOf(endpoint, delivery, now), delivery.body);
    const attempts = delivery.attempts + 1;
    await this.webhooks.insertAttempt(uow, {
      id: randomUUID(),
      deliveryId: delivery.id,
      number: attempts,
      trigger: command.trigger,
      dueAt: command.dueAt,
      attemptedAt: now,
      durationMs: outcome.durationMs,
      statusCode: outcome.statusCode ?? null,
      error: outcome.error ?? null,
      responseBody: outcome.responseBody ?? null,
    });
    const lastStatusCode = outcome.statusCode ?? null;

    if (succeeded(outcome)) {
      await this.webhooks.updateDelivery(uow, delivery.id, {
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        lastStatusCode,
        lastError: null,
        deliveredAt: now,
      });
      if (endpoint.status === 'failing') {
        await this.webhooks.updateEndpoint(uow, endpoint.id, { status: 'active', failingSince: null }, now);
      }
      return 'delivered';
    }

    const lastError = (outcome.error ?? `the endpoint answered ${outcome.statusCode}`).slice(0, 500);
    if (command.trigger !== 'schedule') {
      // A replay or a test is one attempt: its failure is logged and changes no schedule.
      await this.webhooks.updateDelivery(uow, delivery.id, {
        ...delivery,
        status: delivery.status === 'delivered' ? 'delivered' : command.trigger === 'test' ? 'failed' : delivery.status,
        attempts,
        lastStatusCode,
        lastError,
      });
      return 'failed';
    }

    const next = nextAttemptDue(command.attempt!, command.dueAt);
    if (next) {
      await this.scheduler.schedule<AttemptJobPayload>(uow, {
        kind: WEBHOOK_ATTEMPT_JOB,
        key: `${delivery.id}:${command.attempt! + 1}`,
        accountId: delivery.accountId,
        dueAt: next,
        payload: { deliveryId: delivery.id, trigger: 'schedule', attempt: command.attempt! + 1 },
      });
      await this.webhooks.updateDelivery(uow, delivery.id, {
        status: 'pending',
        attempts,
        nextAttemptAt: next,
        lastStatusCode,
        lastError,
        deliveredAt: null,
      });
      return 'retry-planned';
    }

    await this.webhooks.updateDelivery(uow, delivery.id, {
      status: 'failed',
      attempts,
      nextAttemptAt: null,
      lastStatusCode,
      lastError,
      deliveredAt: null,
    });
    if (endpoint.status !== 'failing') await this.markFailing(uow, endpoint, delivery, attempts, lastStatusCode, lastError, now);
    return 'failed';
  }

  private headersOf(endpoint: WebhookEndpoint, delivery: WebhookDelivery, now: Date): Record<string, string> {
    const secrets = [this.secrets.open(endpoint.secretSealed)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > now) {
      secrets.push(this.secrets.open(endpoint.previousSecretSealed));
    }
    return webhookHeaders(secrets, delivery.messageId, Math.floor(now.getTime() / 1000), delivery.body);
  }

  private async markFailing(
    uow: UnitOfWork,
    endpoint: WebhookEndpoint,
    delivery: WebhookDelivery,
    attempts: number,
    lastStatusCode: number | null,
    lastError: string,
    now: Date,
  ): Promise<void> {
    await this.webhooks.updateEndpoint(uow, endpoint.id, { status: 'failing', failingSince: now }, now);
    const contact = endpoint.accountId === null ? undefined : await this.contacts.find(uow, endpoint.accountId);
    const locale: Locale = contact && LOCALES.includes(contact.locale) ? contact.locale : 'en';
    this.logger.warn(`webhook endpoint ${endpoint.id} is failing: ${attempts} attempts of delivery ${delivery.id} failed`);
    await uow.emit(WebhookEndpointFailingV1, {
      accountId: delivery.accountId,
      data: {
        accountId: delivery.accountId,
        endpointId: endpoint.id,
        url: endpoint.url,
        platformWide: endpoint.accountId === null,
        failedDeliveryId: delivery.id,
        eventType: delivery.eventType,
        attempts,
        lastStatusCode,
        lastError,
        failingSince: now.toISOString(),
        ownerEmail: contact?.ownerEmail ?? endpoint.createdByEmail,
        locale,
      },
    });
  }
}
