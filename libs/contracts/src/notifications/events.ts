import { Type } from '@sinclair/typebox';
import { Instant, Uuid } from '../common';
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
