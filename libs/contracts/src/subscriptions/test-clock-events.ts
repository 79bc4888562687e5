import { Type } from '@sinclair/typebox';
import { Instant, Name, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

const CLOCK_KEY = 'The test clock id';

/** The services that follow test clocks and report when they have run a clock's due work. */
export const TEST_CLOCK_FOLLOWERS = [
  'identity',
  'subscriptions',
  'invoicing',
  'payments',
  'efactura-gateway',
  'notifications',
] as const;
export type TestClockFollower = (typeof TEST_CLOCK_FOLLOWERS)[number];

export const TestClockCreatedV1 = defineEvent({
  type: 'obolus.subscriptions.test-clock.created.v1',
  topic: Topics.subscriptionsTestClock,
  source: '/obolus/subscriptions',
  key: CLOCK_KEY,
  summary: 'A test clock was created at a frozen time; every service keeps its own copy of that time.',
  data: Type.Object(
    {
      clockId: Uuid('The test clock'),
      name: Name('A name for people'),
      frozenTime: Instant('The time the clock stands at'),
      createdAt: Instant('When the clock was created (wall-clock time)'),
    },
    { additionalProperties: false },
  ),
});
export type TestClockCreatedV1Data = EventData<typeof TestClockCreatedV1>;

export const TestClockAdvancedV1 = defineEvent({
  type: 'obolus.subscriptions.test-clock.advanced.v1',
  topic: Topics.subscriptionsTestClock,
  source: '/obolus/subscriptions',
  key: CLOCK_KEY,
  summary:
    "A test clock moved forward; each service runs the work that fell due on the clock's accounts, then reports test-clock.caught-up.",
  data: Type.Object(
    {
      clockId: Uuid('The test clock'),
      frozenTime: Instant('The time the clock now stands at'),
      previousFrozenTime: Instant('The time it stood at before'),
      advancedAt: Instant('When it was moved (wall-clock time)'),
    },
    { additionalProperties: false },
  ),
});
export type TestClockAdvancedV1Data = EventData<typeof TestClockAdvancedV1>;

export const TestClockCaughtUpV1 = defineEvent({
  type: 'obolus.platform.test-clock.caught-up.v1',
  topic: Topics.platformTestClock,
  source: '/obolus/platform',
  key: CLOCK_KEY,
  summary:
    'A service has run every job due on a test clock by the given frozen time; subscriptions answers ready once all services have.',
  data: Type.Object(
    {
      clockId: Uuid('The test clock'),
      frozenTime: Instant('The frozen time the service caught up to'),
      service: Type.Union(
        TEST_CLOCK_FOLLOWERS.map((service) => Type.Literal(service)),
        { description: 'The reporting service' },
      ),
    },
    { additionalProperties: false },
  ),
});
export type TestClockCaughtUpV1Data = EventData<typeof TestClockCaughtUpV1>;
