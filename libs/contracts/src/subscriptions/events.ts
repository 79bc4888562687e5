import { Type } from '@sinclair/typebox';
import {
  CalendarDate,
  CatalogCode,
  CurrencyCode,
  Edition,
  Instant,
  MinorUnits,
  PaymentMethodKind,
  Seats,
  Term,
  Uuid,
} from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const TrialStartedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.trial-started.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary: 'A trial of an edition started for a new account; its length comes from the sign-up channel (T1).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      trialDays: Type.Integer({ minimum: 1 }),
      trialEndsOn: CalendarDate('The last day of the trial, in the seller time zone'),
      startedAt: Instant('When the trial started'),
    },
    { additionalProperties: false },
  ),
});
export type TrialStartedV1Data = EventData<typeof TrialStartedV1>;

export const SubscriptionActivatedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.activated.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary: 'The customer bought an edition, term and number of seats; the first period is due.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      term: Term,
      seats: Seats,
      currency: CurrencyCode,
      paymentMethod: PaymentMethodKind,
      periodStart: CalendarDate('First day of the period'),
      periodEnd: CalendarDate('Day the period ends (exclusive)'),
      lines: Type.Array(
        Type.Object(
          {
            code: Type.String({ minLength: 1 }),
            description: Type.String({ minLength: 1 }),
            quantity: Type.Integer({ minimum: 1 }),
            unitPriceMinor: MinorUnits('Net price of one unit'),
          },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
      activatedAt: Instant('When the customer bought'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionActivatedV1Data = EventData<typeof SubscriptionActivatedV1>;
