import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  assertEventData,
  CloudEvent,
  EventContract,
  EventData,
  InvoiceIssuedV1,
  InvoiceIssuedV1Data,
  PasswordResetRequestedV1,
  PasswordResetRequestedV1Data,
  SubscriptionExpiringV1,
  SubscriptionExpiringV1Data,
  TrialEndingV1,
  TrialEndingV1Data,
  UserInvitedV1,
  UserInvitedV1Data,
} from '@obolus/contracts';
import { createHash, randomUUID } from 'node:crypto';

const AT = '2026-11-27T09:00:00.000Z';

/** An event as the consumer receives it, its data checked against its contract. */
function eventOf<C extends EventContract>(contract: C, data: EventData<C>): CloudEvent<EventData<C>> {
  assertEventData(contract, data);
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: contract.source,
    type: contract.type,
    time: AT,
    datacontenttype: 'application/json',
    accountid: (data as { accountId: string }).accountId,
    data,
  };
}

export function accountCreated(overrides: Partial<AccountCreatedV1Data> = {}): CloudEvent<AccountCreatedV1Data> {
  return eventOf(AccountCreatedV1, {
    accountId: randomUUID(),
    ownerUserId: randomUUID(),
    ownerEmail: 'owner@atelier-dupont.fr',
    companyName: 'Atelier Dupont',
    country: 'FR',
    catalog: 'fr-crm',
    signupChannel: 'website',
    locale: 'fr',
    createdAt: AT,
    ...overrides,
  } as AccountCreatedV1Data);
}

export function passwordResetRequested(
  overrides: Partial<PasswordResetRequestedV1Data> = {},
): CloudEvent<PasswordResetRequestedV1Data> {
  return eventOf(PasswordResetRequestedV1, {
    accountId: randomUUID(),
    userId: randomUUID(),
    email: 'ana@firma.ro',
    locale: 'ro',
    resetUrl: 'https://app.obolus.example/reset#token',
    expiresAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  });
}

export function userInvited(overrides: Partial<UserInvitedV1Data> = {}): CloudEvent<UserInvitedV1Data> {
  return eventOf(UserInvitedV1, {
    accountId: randomUUID(),
    invitationId: randomUUID(),
    email: 'new.colleague@client.example',
    role: 'user',
    invitedByUserId: randomUUID(),
    companyName: 'Client Ltd',
    locale: 'en',
    acceptUrl: 'https://app.obolus.example/invitations#token',
    expiresAt: '2026-12-04T09:00:00.000Z',
    ...overrides,
  });
}

/** Overrides whose undefined values leave the field out, as an event without that optional field. */
function withOverrides<T extends object>(data: T, overrides: Partial<T>): T {
  const merged: Record<string, unknown> = { ...data, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as T;
}

/** B6: a fr-crm trial whose last day is 30 January 2027, announced 10 days ahead. */
export function trialEnding(overrides: Partial<TrialEndingV1Data> = {}): CloudEvent<TrialEndingV1Data> {
  return eventOf(
    TrialEndingV1,
    withOverrides<TrialEndingV1Data>(
      {
        accountId: randomUUID(),
        subscriptionId: randomUUID(),
        catalog: 'fr-crm',
        edition: 'dream-team',
        trialEndsOn: '2027-01-30',
        endsAt: '2027-01-30T23:00:00.000Z',
        locale: 'fr',
        ownerEmail: 'owner@atelier-dupont.fr',
      },
      overrides,
    ),
  );
}

/** B6: a ro-crm Premium prepaid period whose last day is 30 January 2027, falling to Standard. */
export function subscriptionExpiring(
  overrides: Partial<SubscriptionExpiringV1Data> = {},
): CloudEvent<SubscriptionExpiringV1Data> {
  return eventOf(
    SubscriptionExpiringV1,
    withOverrides<SubscriptionExpiringV1Data>(
      {
        accountId: randomUUID(),
        subscriptionId: randomUUID(),
        catalog: 'ro-crm',
        edition: 'premium',
        expiresOn: '2027-01-30',
        expiresAt: '2027-01-30T22:00:00.000Z',
        freeEdition: 'standard',
        locale: 'ro',
        ownerEmail: 'ana@firma.ro',
      },
      overrides,
    ),
  );
}

/** An issued invoice whose PDF is `pdf`: its reference carries the bytes' SHA-256. */
export function invoiceIssued(pdf: Buffer, overrides: Partial<InvoiceIssuedV1Data> = {}): CloudEvent<InvoiceIssuedV1Data> {
  const number = overrides.number ?? 'OBFR-2026-000042';
  const party = { legalName: 'Obolus SAS', address: { line1: '1 rue de la Paix', city: 'Paris', country: 'FR' } };
  return eventOf(InvoiceIssuedV1, {
    accountId: randomUUID(),
    invoiceId: randomUUID(),
    number,
    series: 'OBFR-2026',
    catalog: 'fr-crm',
    issueDate: '2026-11-27',
    taxPointDate: '2026-11-27',
    dueDate: '2026-11-27',
    currency: 'EUR',
    locale: 'fr',
    seller: party,
    buyer: { ...party, legalName: 'Atelier Dupont' },
    lines: [
      { description: 'CRM Pro', quantity: 1, unitPriceMinor: 11700, netMinor: 11700, vatCategory: 'S', vatRateBasisPoints: 2000 },
    ],
    vatBreakdown: [{ vatCategory: 'S', vatRateBasisPoints: 2000, taxableMinor: 11700, taxMinor: 2340 }],
    totals: { netMinor: 11700, vatMinor: 2340, grossMinor: 14040, paidMinor: 14040, payableMinor: 0 },
    payment: { paymentId: randomUUID(), method: 'card', providerPaymentId: 'pi_1' },
    recipients: ['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr'],
    pdf: { filename: `${number}.pdf`, sha256: createHash('sha256').update(pdf).digest('hex'), sizeBytes: pdf.length },
    issuedAt: AT,
    ...overrides,
  } as InvoiceIssuedV1Data);
}
