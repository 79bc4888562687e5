import { isUuid } from '@obolus/contracts';
import { NotificationsError } from '../notifications.errors';

/**
 * The Message-ID of a delivery's e-mail. It depends on the delivery only, so every try of one delivery
 * sends the same message: a resend after a crash between the send and its record is recognisable as
 * a duplicate by the receiving side.
 */
export function messageIdOf(deliveryId: string): string {
  const id = deliveryId.toLowerCase();
  if (!isUuid(id)) throw NotificationsError.notADeliveryId(deliveryId);
  return `<${id}@notifications.obolus>`;
}
