import { Type } from '@sinclair/typebox';
import { CatalogCode, CountryCode, Instant, Locale, Role, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const AccountCreatedV1 = defineEvent({
  type: 'obolus.identity.account.created.v1',
  topic: Topics.identityAccount,
  source: '/obolus/identity',
  summary: 'A customer account (tenant) and its owner were created at sign-up.',
  data: Type.Object(
    {
      accountId: Uuid('The new account'),
      ownerUserId: Uuid('The owner, the first user of the account'),
      ownerEmail: Type.String({ format: 'email' }),
      companyName: Type.String({ minLength: 1, maxLength: 200 }),
      country: CountryCode,
      catalog: CatalogCode,
      signupChannel: Type.String({ minLength: 1, maxLength: 64, description: 'Decides the trial length (T1)' }),
      locale: Locale,
      createdAt: Instant('When the account was created'),
    },
    { additionalProperties: false },
  ),
});
export type AccountCreatedV1Data = EventData<typeof AccountCreatedV1>;

export const UserJoinedV1 = defineEvent({
  type: 'obolus.identity.user.joined.v1',
  topic: Topics.identityUser,
  source: '/obolus/identity',
  summary: 'A user joined an account; subscriptions counts it as a seat.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      userId: Uuid('The user'),
      email: Type.String({ format: 'email' }),
      role: Role,
      joinedAt: Instant('When the user joined'),
    },
    { additionalProperties: false },
  ),
});
export type UserJoinedV1Data = EventData<typeof UserJoinedV1>;

export const UserRemovedV1 = defineEvent({
  type: 'obolus.identity.user.removed.v1',
  topic: Topics.identityUser,
  source: '/obolus/identity',
  summary: 'A user was removed from an account; its seat is released.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      userId: Uuid('The user'),
      removedAt: Instant('When the user was removed'),
    },
    { additionalProperties: false },
  ),
});
export type UserRemovedV1Data = EventData<typeof UserRemovedV1>;
