const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The Message-ID of a delivery's e-mail. It depends on the delivery only, so every try of one delivery
 * sends the same message: a resend after a crash between the send and its record is recognisable as
 * a duplicate by the receiving side.
 */
export function messageIdOf(deliveryId: string): string {
  const id = deliveryId.toLowerCase();
  if (!UUID.test(id)) throw new Error(`'${deliveryId}' is not a delivery id`);
  return `<${id}@notifications.obolus>`;
}
