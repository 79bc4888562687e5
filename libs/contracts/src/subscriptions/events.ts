import { Type } from '@sinclair/typebox';
import {
  CalendarDate,
  CatalogCode,
  CurrencyCode,
  Edition,
  Instant,
  Locale,
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

export const TrialEndingV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.trial-ending.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'The trial ends in 10 days and nothing was bought yet (B6): notifications e-mails the owner, in the account language when known.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      trialEndsOn: CalendarDate('The last day of the trial, in the seller time zone'),
      endsAt: Instant('The instant the trial ends: the start of the day after trialEndsOn, in the seller time zone'),
      locale: Type.Optional(Locale),
    },
    { additionalProperties: false },
  ),
});
export type TrialEndingV1Data = EventData<typeof TrialEndingV1>;

export const TrialEndedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.trial-ended.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'The trial ran out without a purchase (T3): the account moved to the free edition (downgraded) or, where the catalog has none, is blocked until it pays. No data is lost.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      trialEndsOn: CalendarDate('The last day of the trial, in the seller time zone'),
      outcome: Type.Union([Type.Literal('downgraded'), Type.Literal('blocked')], {
        description: 'downgraded: now on the free edition; blocked: until a purchase',
      }),
      endedAt: Instant('When the trial ended'),
    },
    { additionalProperties: false },
  ),
});
export type TrialEndedV1Data = EventData<typeof TrialEndedV1>;

export const SubscriptionDowngradedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.downgraded.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'The subscription moved to a lower edition, now in effect for every user of the account (a trial ending on the free edition, T3).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      fromEdition: Edition,
      toEdition: Edition,
      status: Type.Union([Type.Literal('free'), Type.Literal('active')], {
        description: 'free: on the free edition, nothing to pay',
      }),
      reason: Type.Union([Type.Literal('trial-ended')], { description: 'Why it was downgraded' }),
      effectiveAt: Instant('When the lower edition took effect'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionDowngradedV1Data = EventData<typeof SubscriptionDowngradedV1>;

export const SubscriptionBlockedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.blocked.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'The account is blocked until it pays (a trial ended on a catalog without a free edition, T3). Its data is kept, and a purchase unblocks it.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      reason: Type.Union([Type.Literal('trial-ended')], { description: 'Why it was blocked' }),
      blockedAt: Instant('When the account was blocked'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionBlockedV1Data = EventData<typeof SubscriptionBlockedV1>;
