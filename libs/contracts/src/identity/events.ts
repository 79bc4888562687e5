import { Type } from '@sinclair/typebox';
import { CatalogCode, CountryCode, EmailAddress, Instant, Locale, Name, Role, SignupChannel, Uuid } from '../common';
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
      ownerEmail: EmailAddress(),
      companyName: Name(),
      country: CountryCode,
      catalog: CatalogCode,
      signupChannel: SignupChannel,
      locale: Locale,
      createdAt: Instant('When the account was created'),
      testClockId: Type.Optional(Uuid('The test clock the account lives on, in every service (test and local deployments only)')),
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
      email: EmailAddress(),
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

export const UserInvitedV1 = defineEvent({
  type: 'obolus.identity.user.invited.v1',
  topic: Topics.identityCredentials,
  source: '/obolus/identity',
  summary:
    'An admin invited someone to an account; notifications e-mails the link. The link holds a single-use token, so the topic is readable by notifications only.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      invitationId: Uuid('The invitation'),
      email: EmailAddress('Who is invited'),
      role: Role,
      invitedByUserId: Uuid('The admin or owner who invited'),
      companyName: Name(),
      locale: Locale,
      acceptUrl: Type.String({ format: 'uri', description: 'The link to accept, with the raw invitation token' }),
      expiresAt: Instant('When the invitation stops working (7 days)'),
    },
    { additionalProperties: false },
  ),
});
export type UserInvitedV1Data = EventData<typeof UserInvitedV1>;

export const PasswordResetRequestedV1 = defineEvent({
  type: 'obolus.identity.credentials.password-reset-requested.v1',
  topic: Topics.identityCredentials,
  source: '/obolus/identity',
  summary:
    'A user asked to reset a forgotten password; notifications e-mails the link. The link holds a single-use token, so the topic is readable by notifications only.',
  data: Type.Object(
    {
      accountId: Uuid('The account of the user'),
      userId: Uuid('The user'),
      email: EmailAddress(),
      locale: Locale,
      resetUrl: Type.String({ format: 'uri', description: 'The link to choose a new password, with the raw reset token' }),
      expiresAt: Instant('When the link stops working (1 hour)'),
    },
    { additionalProperties: false },
  ),
});
export type PasswordResetRequestedV1Data = EventData<typeof PasswordResetRequestedV1>;

export const AccountClosureRequestedV1 = defineEvent({
  type: 'obolus.identity.account.closure-requested.v1',
  topic: Topics.identityAccount,
  source: '/obolus/identity',
  summary:
    'The owner closed the account (A3). It is blocked at once; other services produce the data export and stop billing. Identity purges its data after the retention period.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      requestedByUserId: Uuid('The owner who closed it'),
      ownerEmail: EmailAddress('Where the data export goes'),
      locale: Locale,
      requestedAt: Instant('When the closure was requested; the account is blocked from then'),
      purgeAfter: Instant('When identity purges the account data'),
    },
    { additionalProperties: false },
  ),
});
export type AccountClosureRequestedV1Data = EventData<typeof AccountClosureRequestedV1>;

export const AccountExportReadyV1 = defineEvent({
  type: 'obolus.identity.account.export-ready.v1',
  topic: Topics.identityAccount,
  source: '/obolus/identity',
  summary:
    "The owner's data export (A3) is assembled: one ZIP with every service's part and a manifest of SHA-256 digests. The link downloads it until it expires, even after closure.",
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      exportId: Uuid('The export'),
      ownerEmail: EmailAddress('The owner who asked for it, who is e-mailed the link'),
      locale: Locale,
      downloadUrl: Type.String({ format: 'uri', maxLength: 2048, description: 'A signed link to the ZIP, good until expiresAt' }),
      expiresAt: Instant('When the link stops working'),
      fileCount: Type.Integer({ minimum: 1, description: 'Files in the ZIP, manifest.json included' }),
      sizeBytes: Type.Integer({ minimum: 1, description: 'Size of the ZIP' }),
      readyAt: Instant('When the export was assembled'),
    },
    { additionalProperties: false },
  ),
});
export type AccountExportReadyV1Data = EventData<typeof AccountExportReadyV1>;

export const AccountPurgedV1 = defineEvent({
  type: 'obolus.identity.account.purged.v1',
  topic: Topics.identityAccount,
  source: '/obolus/identity',
  summary:
    "A closed account's retention period ended and identity deleted its personal data (A3). Every other service deletes that account's personal data now, keeping only the invoices and credit notes the law requires, marked as retained.",
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      closureRequestedAt: Instant('When the owner closed the account'),
      purgedAt: Instant('When identity purged it'),
    },
    { additionalProperties: false },
  ),
});
export type AccountPurgedV1Data = EventData<typeof AccountPurgedV1>;

export const SessionRevokedV1 = defineEvent({
  type: 'obolus.identity.session.revoked.v1',
  topic: Topics.identitySession,
  source: '/obolus/identity',
  summary:
    "A user's sign-in session ended before its time. Every service refuses the session's access tokens from then on, without waiting for them to expire.",
  data: Type.Object(
    {
      sessionId: Uuid('The session: the `sid` claim of its access tokens'),
      accountId: Uuid('The account of the user'),
      userId: Uuid('The user'),
      revokedAt: Instant('When the session ended'),
      reason: Type.Union(
        [
          Type.Literal('sign-out'),
          Type.Literal('refresh-token-reuse'),
          Type.Literal('password-changed'),
          Type.Literal('password-reset'),
          Type.Literal('account-closed'),
          Type.Literal('subject-gone'),
        ],
        { description: 'Why it ended' },
      ),
    },
    { additionalProperties: false },
  ),
});
export type SessionRevokedV1Data = EventData<typeof SessionRevokedV1>;
