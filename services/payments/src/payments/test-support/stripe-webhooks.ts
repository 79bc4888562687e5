import Stripe from 'stripe';
import { StripeWebhookVerifier } from '../../stripe/stripe-webhook-verifier';
import { RecordProviderEventCommand } from '../use-cases/record-provider-event/record-provider-event.command';

export const WEBHOOK_SECRET = 'whsec_unit_spec';

/** The real verifier, with the spec's endpoint secret. */
export const webhookVerifier = () => new StripeWebhookVerifier(WEBHOOK_SECRET);

let sequence = 0;

/** A webhook as Stripe delivers it: the JSON body, signed with the endpoint's secret (or another). */
export function signedWebhook(
  type: string,
  object: object,
  options: { id?: string; secret?: string } = {},
): RecordProviderEventCommand {
  sequence += 1;
  const payload = JSON.stringify({ id: options.id ?? `evt_spec_${sequence}`, object: 'event', type, data: { object } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET });
  return RecordProviderEventCommand.create({ rawBody: Buffer.from(payload), signature });
}
