import { Type } from '@sinclair/typebox';
import { Instant, Locale, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const NotificationDeliveredV1 = defineEvent({
  type: 'obolus.notifications.delivery.delivered.v1',
  topic: Topics.notificationsDelivery,
  source: '/obolus/notifications',
  summary: 'A notification reached its channel (an e-mail was accepted by the SMTP server).',
  data: Type.Object(
    {
      accountId: Uuid('The account the notification is about'),
      deliveryId: Uuid('The delivery'),
      template: Type.String({ minLength: 1 }),
      channel: Type.Literal('email'),
      recipients: Type.Array(Type.String({ format: 'email' }), { minItems: 1 }),
      causeEventId: Type.String({ minLength: 1, description: 'The event that caused the notification' }),
      deliveredAt: Instant('When the channel accepted it'),
    },
    { additionalProperties: false },
  ),
});
export type NotificationDeliveredV1Data = EventData<typeof NotificationDeliveredV1>;

export const WebhookEndpointFailingV1 = defineEvent({
  type: 'obolus.notifications.webhook-endpoint.failing.v1',
  topic: Topics.notificationsDelivery,
  source: '/obolus/notifications',
  summary:
    'A webhook endpoint failed every attempt of a delivery (about 3 days of retries) and is marked failing; its owner is e-mailed. Deliveries go on, and the first success marks it active again.',
  data: Type.Object(
    {
      accountId: Uuid('The account the endpoint belongs to (for a platform-wide endpoint, the account of the event that failed)'),
      endpointId: Uuid('The endpoint'),
      url: Type.String({ minLength: 1, maxLength: 2048 }),
      platformWide: Type.Boolean({ description: 'A staff endpoint that hears every account' }),
      failedDeliveryId: Uuid('The delivery whose last attempt failed'),
      eventType: Type.String({ minLength: 1, maxLength: 100, description: 'The public name of the event, such as invoice.issued' }),
      attempts: Type.Integer({ minimum: 1 }),
      lastStatusCode: Type.Union([Type.Integer({ minimum: 100, maximum: 599 }), Type.Null()]),
      lastError: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
      failingSince: Instant('When the endpoint was marked failing'),
      ownerEmail: Type.String({ format: 'email', description: 'Who is told: the account owner, or the staff member who made a platform-wide endpoint' }),
      locale: Locale,
    },
    { additionalProperties: false },
  ),
});
export type WebhookEndpointFailingV1Data = EventData<typeof WebhookEndpointFailingV1>;
