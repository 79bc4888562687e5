import { isEmailAddress, isSeatCount, isSignupChannel, singleLineTextProblem } from './fields';
import { AccountCreatedV1 } from './identity/events';
import { violationsOf } from './event-contract';

describe('field rules shared by the HTTP edge and the events', () => {
  it.each(['owner@atelier-dupont.fr', 'first.last+tag@example.co.uk', "o'brien@mail.example.ie"])('accepts %s', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each([
    'a@b',
    'a b@example.fr',
    'a@example.fr\r\nBcc: x@y.fr',
    '<a@example.fr>',
    'Name <a@example.fr>',
    '"quoted\u0001"@example.fr',
    '"a\r\nb"@example.fr',
    'a..b@example.fr',
    `${'x'.repeat(65)}@example.fr`,
    `a@${'x'.repeat(250)}.fr`,
    'a@[127.0.0.1]',
  ])('refuses %j as an e-mail address, in DTOs and in events alike', (email) => {
    expect(isEmailAddress(email)).toBe(false);
    const event = {
      accountId: '3f0e7a52-5a43-4a4b-9d55-1b6c1f1c2f10',
      ownerUserId: '3f0e7a52-5a43-4a4b-9d55-1b6c1f1c2f11',
      ownerEmail: email,
      companyName: 'Atelier',
      country: 'FR',
      catalog: 'fr-crm',
      signupChannel: 'website',
      locale: 'fr',
      createdAt: '2026-11-22T10:00:00Z',
    };
    expect(new Set(violationsOf(AccountCreatedV1, event).map((v) => v.path))).toEqual(new Set(['/ownerEmail']));
  });

  it('refuses blank names and names with control characters', () => {
    expect(singleLineTextProblem('   ')).toBe('must not be blank');
    expect(singleLineTextProblem('Atelier\r\nDupont')).toBe('must not contain control characters or line breaks');
    expect(singleLineTextProblem('x'.repeat(201))).toBe('must be at most 200 characters');
    expect(singleLineTextProblem('Firma Popescu SRL')).toBeUndefined();
  });

  it('keeps sign-up channels to slugs that cannot reach Object.prototype', () => {
    for (const channel of ['constructor', '__proto__', 'toString', 'prototype', 'Web', 'a b', '']) {
      expect(isSignupChannel(channel)).toBe(false);
    }
    for (const channel of ['web', 'website', 'partner-ro']) expect(isSignupChannel(channel)).toBe(true);
  });

  it('counts seats from 1 to 1,000', () => {
    expect([0, 1, 1000, 1001, 1.5, '2'].map(isSeatCount)).toEqual([false, true, true, false, false, false]);
  });
});
