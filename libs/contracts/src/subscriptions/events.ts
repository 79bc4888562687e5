import { Type } from '@sinclair/typebox';
import {
  CalendarDate,
  CatalogCode,
  CurrencyCode,
  Edition,
  EmailAddress,
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

/** The catalog's seller entity (C1): the vendor's legal entity that invoices this subscription. */
const SellerEntityCode = Type.String({
  pattern: '^[a-z0-9-]{1,64}$',
  description: "The catalog's seller entity, the legal entity that invoices (C1)",
  examples: ['obolus-fr'],
});

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
      sellerEntity: SellerEntityCode,
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
      ownerEmail: Type.Optional(EmailAddress('The owner, to whom the notice goes')),
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
      freeEdition: Type.Optional(Edition),
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
      reason: Type.Union(
        [Type.Literal('trial-ended'), Type.Literal('expired'), Type.Literal('period-end'), Type.Literal('unpaid')],
        {
          description:
            'Why it was downgraded: trial-ended (T3); expired, a prepaid period ran out (B3); period-end, a downgrade asked for took effect (C2); unpaid, the last payment retry failed (P4)',
        },
      ),
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
      reason: Type.Union([Type.Literal('trial-ended'), Type.Literal('unpaid')], {
        description: 'Why it was blocked: the trial ran out (T3), or the last payment retry failed (P4)',
      }),
      blockedAt: Instant('When the account was blocked'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionBlockedV1Data = EventData<typeof SubscriptionBlockedV1>;

/** One line of a due period: the seats of the edition, or a prorated adjustment (B5, C2). */
const DueLine = Type.Object(
  {
    code: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1, description: 'What the line is for, with its dates (and days, when prorated)' }),
    quantity: Type.Integer({ minimum: 1 }),
    unitPriceMinor: MinorUnits('Net price of one unit'),
    servicePeriod: Type.Optional(
      Type.Object(
        {
          start: CalendarDate('First day billed'),
          end: CalendarDate('Day after the last day billed'),
          days: Type.Integer({ minimum: 1, description: 'Days billed' }),
          periodDays: Type.Integer({ minimum: 1, description: 'Days in the whole period the line is a part of' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SubscriptionRenewalDueV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.renewal-due.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'A further period of a bought subscription is due (B1: every 30 days or 12 months; B2: a prepaid extension; B4: billed early by staff): invoicing prices it, with the prorated lines of the last period, and asks for its payment.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      sellerEntity: SellerEntityCode,
      edition: Edition,
      term: Term,
      seats: Seats,
      currency: CurrencyCode,
      paymentMethod: PaymentMethodKind,
      periodStart: CalendarDate('First day of the period'),
      periodEnd: CalendarDate('Day the period ends (exclusive)'),
      reason: Type.Union(
        [Type.Literal('renewal'), Type.Literal('extension'), Type.Literal('bill-early'), Type.Literal('proration')],
        {
          description:
            'renewal: the schedule fell due; extension: a prepaid period bought while one runs; bill-early: staff billed ahead; proration: a change to a prepaid period, charged at once (only prorated lines)',
        },
      ),
      lines: Type.Array(DueLine, { minItems: 1 }),
      dueAt: Instant('When the period fell due: the tax point, in the seller time zone'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionRenewalDueV1Data = EventData<typeof SubscriptionRenewalDueV1>;

export const SubscriptionChangedV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.changed.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'The state of a subscription after any change of edition, status, seats or period, whole: a consumer that keeps the last one per account agrees with the API.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      status: Type.Union([Type.Literal('trialing'), Type.Literal('active'), Type.Literal('free'), Type.Literal('blocked')]),
      term: Type.Optional(Term),
      seats: Seats,
      maxSeats: Seats,
      currentPeriodStart: Type.Optional(CalendarDate('First day of the period paid for')),
      currentPeriodEnd: Type.Optional(CalendarDate('Day the period paid for ends (exclusive): the renewal or expiry day')),
      pendingEdition: Type.Optional(Edition),
      change: Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'What changed: trial-started, purchased, renewed, extended, seats-added, seats-removed, upgraded, downgrade-scheduled, downgraded, expired, blocked',
      }),
      version: Type.Integer({ minimum: 1, description: 'Grows with every change of the subscription' }),
      changedAt: Instant('When the change took effect'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionChangedV1Data = EventData<typeof SubscriptionChangedV1>;

export const SubscriptionExpiringV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.expiring.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'A prepaid period ends in 10 days and nothing extends it yet (B6): notifications e-mails the owner, in the account language.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      expiresOn: CalendarDate('The last day paid for, in the seller time zone'),
      expiresAt: Instant('The instant the period ends: the start of the day after expiresOn'),
      freeEdition: Type.Optional(Edition),
      locale: Type.Optional(Locale),
      ownerEmail: Type.Optional(EmailAddress('The owner, to whom the notice goes')),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionExpiringV1Data = EventData<typeof SubscriptionExpiringV1>;

export const SubscriptionExpiredV1 = defineEvent({
  type: 'obolus.subscriptions.subscription.expired.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary: 'A prepaid period ended without an extension (B3): the account moved to the free edition and stays usable.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      subscriptionId: Uuid('The subscription'),
      catalog: CatalogCode,
      edition: Edition,
      toEdition: Edition,
      expiredOn: CalendarDate('The last day that was paid for'),
      expiredAt: Instant('When the period ended'),
    },
    { additionalProperties: false },
  ),
});
export type SubscriptionExpiredV1Data = EventData<typeof SubscriptionExpiredV1>;

export const EntitlementsChangedV1 = defineEvent({
  type: 'obolus.subscriptions.entitlements.changed.v1',
  topic: Topics.subscriptionsSubscription,
  source: '/obolus/subscriptions',
  summary:
    'What an account may do changed (edition, status, seats, limits or usage): the whole answer of GET /accounts/{accountId}/entitlements. A consumer that keeps the one with the highest version per account agrees with the API.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      catalog: CatalogCode,
      edition: Edition,
      status: Type.Union([Type.Literal('trialing'), Type.Literal('active'), Type.Literal('free'), Type.Literal('blocked')]),
      features: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 200,
        description: "The edition's features; none while the account is blocked",
      }),
      limits: Type.Object(
        {
          seats: Seats,
          documentMaxBytes: Type.Integer({ minimum: 1 }),
          storageBytesPerSeat: Type.Integer({ minimum: 1 }),
          storageBytes: Type.Integer({ minimum: 0, description: 'storageBytesPerSeat times the seats paid for' }),
          prospects: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'null: unlimited' }),
          opportunities: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'null: unlimited' }),
        },
        { additionalProperties: false },
      ),
      usage: Type.Object(
        { seats: Type.Integer({ minimum: 0 }), storageBytes: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      validUntil: Type.Union([CalendarDate('The last day paid or tried for'), Type.Null()]),
      version: Type.Integer({ minimum: 1, description: 'Grows with every change; keep the highest' }),
      changedAt: Instant('When the change took effect'),
    },
    { additionalProperties: false },
  ),
});
export type EntitlementsChangedV1Data = EventData<typeof EntitlementsChangedV1>;
