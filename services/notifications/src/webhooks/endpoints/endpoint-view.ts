import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../webhooks.repository';

/** An endpoint as its owner sees it: never its secret (shown once, at creation and rotation). */
export interface WebhookEndpointView {
  id: string;
  accountId: string | null;
  url: string;
  eventTypes: string[];
  description: string;
  enabled: boolean;
  status: WebhookEndpoint['status'];
  failingSince: string | null;
  /** Until when the secret before the last rotation still signs (both signatures are sent). */
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export const iso = (instant: Date | string | null): string | null => (instant === null ? null : new Date(instant).toISOString());

export function endpointView(endpoint: WebhookEndpoint, now: Date): WebhookEndpointView {
  const previousValid = endpoint.previousSecretExpiresAt !== null && new Date(endpoint.previousSecretExpiresAt) > now;
  return {
    id: endpoint.id,
    accountId: endpoint.accountId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    enabled: endpoint.enabled,
    status: endpoint.status,
    failingSince: iso(endpoint.failingSince),
    previousSecretValidUntil: previousValid ? iso(endpoint.previousSecretExpiresAt) : null,
    createdAt: iso(endpoint.createdAt)!,
    updatedAt: iso(endpoint.updatedAt)!,
  };
}

export interface WebhookAttemptView {
  number: number;
  trigger: WebhookAttempt['trigger'];
  dueAt: string;
  attemptedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** The first 4 KB of the answer. */
  responseBody: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  messageId: string;
  eventId: string;
  eventType: string;
  status: WebhookDelivery['status'];
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
  attempts: WebhookAttemptView[];
}

export function deliveryView(delivery: WebhookDelivery, attempts: WebhookAttempt[]): WebhookDeliveryView {
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastStatusCode: delivery.lastStatusCode,
    createdAt: iso(delivery.createdAt)!,
    deliveredAt: iso(delivery.deliveredAt),
    attempts: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({
        number: attempt.number,
        trigger: attempt.trigger,
        dueAt: iso(attempt.dueAt)!,
        attemptedAt: iso(attempt.attemptedAt)!,
        durationMs: attempt.durationMs,
        statusCode: attempt.statusCode,
        error: attempt.error,
        responseBody: attempt.responseBody,
      })),
  };
}
