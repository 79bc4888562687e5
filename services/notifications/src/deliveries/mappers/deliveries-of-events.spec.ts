import {
  CloudEvent,
  CreditNoteIssuedV1,
  CreditNoteIssuedV1Data,
  exampleOf,
  ProformaIssuedV1,
  ProformaIssuedV1Data,
} from '@obolus/contracts';
import { createHash } from 'node:crypto';
import { NotificationsErrorCode } from '../../notifications.errors';
import {
  accountCreated,
  invoiceIssued,
  passwordResetRequested,
  subscriptionExpiring,
  trialEnding,
  userInvited,
} from '../test-support/events';
import { composeEmail, deliveryOf, EventOwingEmail, pdfAttachment } from './deliveries-of-events';

const pdf = Buffer.from('%PDF-1.7 invoice\n%%EOF\n');

describe('the e-mail each event owes', () => {
  it.each([
    ['an account created', accountCreated(), 'welcome', 'fr', ['owner@atelier-dupont.fr']],
    [
      'an invoice issued (I1: owner and every billing address)',
      invoiceIssued(pdf),
      'invoice-issued',
      'fr',
      ['owner@atelier-dupont.fr', 'compta@atelier-dupont.fr'],
    ],
    ['a password reset asked for', passwordResetRequested(), 'password-reset', 'ro', ['ana@firma.ro']],
    ['a user invited', userInvited(), 'user-invited', 'en', ['new.colleague@client.example']],
    ['a trial ending in 10 days (B6)', trialEnding(), 'trial-ending', 'fr', ['owner@atelier-dupont.fr']],
    ['a prepaid period ending in 10 days (B6)', subscriptionExpiring(), 'subscription-expiring', 'ro', ['ana@firma.ro']],
  ] as [string, EventOwingEmail, string, string, string[]][])(
    '%s: its template, in the language of the event, to whom it concerns',
    (_what, event, template, locale, recipients) => {
      expect(deliveryOf(event)).toEqual({
        accountId: event.data.accountId,
        template,
        locale,
        causeEventId: event.id,
        recipients,
        templateData: event.data,
      });
    },
  );

  it.each([
    ['a fr-crm trial', trialEnding({ locale: undefined }), 'fr'],
    ['a ro-crm trial', trialEnding({ locale: undefined, catalog: 'ro-crm', edition: 'premium' }), 'ro'],
    ['a ro-crm prepaid period', subscriptionExpiring({ locale: undefined }), 'ro'],
    ['a fr-crm period', subscriptionExpiring({ locale: undefined, catalog: 'fr-crm', edition: 'dream-team' }), 'fr'],
  ] as [string, EventOwingEmail, string][])(
    '%s without the account language: in the catalog language',
    (_what, event, locale) => {
      expect(deliveryOf(event)).toMatchObject({ locale, recipients: [expect.any(String)] });
      expect(composeEmail(deliveryOf(event).template, event.data).subject).toBeTruthy();
    },
  );

  it('the account language wins over the catalog one', () => {
    expect(deliveryOf(subscriptionExpiring({ locale: 'en' })).locale).toBe('en');
  });

  it.each([
    ['a trial ending', trialEnding({ ownerEmail: undefined }), 'trial-ending'],
    ['a prepaid period ending', subscriptionExpiring({ ownerEmail: undefined }), 'subscription-expiring'],
  ] as [string, EventOwingEmail, string][])(
    '%s that names no owner e-mail address owes no e-mail, and says why',
    (_what, event, template) => {
      expect(deliveryOf(event)).toMatchObject({
        template,
        recipients: [],
        noneOwedBecause: 'nobody to tell: no owner address is known, or every owner and admin muted this notice',
      });
    },
  );

  it('owes nothing for an event of another type', () => {
    const other = { ...accountCreated(), type: 'obolus.identity.user.joined.v1' } as CloudEvent as EventOwingEmail;
    expect(() => deliveryOf(other)).toThrow(expect.objectContaining({ code: NotificationsErrorCode.NoEmailForEvent }));
  });
});

describe('composing the e-mail of a delivery', () => {
  it('renders the invoice e-mail in its language and attaches the PDF by reference', () => {
    const invoice = invoiceIssued(pdf).data;
    const email = composeEmail('invoice-issued', invoice);
    expect(email.subject).toBe('Facture OBFR-2026-000042');
    expect(email.text).toContain("du 27 novembre 2026, d'un montant de 140,40\u00a0€");
    expect(email.attachments).toEqual([
      { kind: 'invoice-pdf', documentId: invoice.invoiceId, filename: 'OBFR-2026-000042.pdf', sha256: invoice.pdf.sha256 },
    ]);
  });

  it('renders a credit note in Romanian and a proforma in English, each attaching its own PDF by reference', () => {
    const creditNote = {
      ...(exampleOf(CreditNoteIssuedV1.data) as CreditNoteIssuedV1Data),
      locale: 'ro',
      number: 'OBRO-CN-2026-000003',
      invoiceNumber: 'OBRO-2026-000041',
      issueDate: '2026-12-03',
      reason: 'refund',
      currency: 'RON',
      totals: { netMinor: 2475, vatMinor: 520, grossMinor: 2995, paidMinor: 2995, payableMinor: 0 },
    } as CreditNoteIssuedV1Data;
    const credited = composeEmail('credit-note-issued', creditNote);
    expect(credited.subject).toBe('Factură de stornare OBRO-CN-2026-000003');
    expect(credited.text).toContain('din 3 decembrie 2026, în valoare de 29,95\u00a0RON, aferentă facturii OBRO-2026-000041');
    expect(credited.text).toContain('rambursată');
    expect(credited.attachments).toEqual([
      {
        kind: 'credit-note-pdf',
        documentId: creditNote.creditNoteId,
        filename: creditNote.pdf.filename,
        sha256: creditNote.pdf.sha256,
      },
    ]);
    const proforma = {
      ...(exampleOf(ProformaIssuedV1.data) as ProformaIssuedV1Data),
      locale: 'en',
      number: 'OBFR-PF-2026-000001',
      dueDate: '2026-12-27',
      currency: 'EUR',
      transfer: {
        reference: 'RF18539007547034',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP882',
        accountHolder: 'Obolus SAS',
        amountMinor: 41760,
      },
    } as ProformaIssuedV1Data;
    const asked = composeEmail('proforma-issued', proforma);
    expect(asked.subject).toBe('Proforma invoice OBFR-PF-2026-000001: €417.60 to pay by bank transfer');
    expect(asked.text).toContain('IBAN: FR76 3000 6000 0112 3456 7890 189');
    expect(asked.text).toContain('Reference (required): RF18 5390 0754 7034');
    expect(asked.text).toContain('by 27 December 2026');
    expect(asked.attachments).toEqual([
      { kind: 'proforma-pdf', documentId: proforma.proformaId, filename: proforma.pdf.filename, sha256: proforma.pdf.sha256 },
    ]);
  });

  it('attaches nothing to the other e-mails, each in its own language', () => {
    expect(composeEmail('welcome', accountCreated().data)).toEqual({
      subject: 'Bienvenue, Atelier Dupont',
      text: expect.stringContaining("Votre période d'essai commence aujourd'hui"),
      html: expect.stringContaining('<html lang="fr">'),
      attachments: [],
    });
    expect(composeEmail('password-reset', passwordResetRequested().data)).toMatchObject({
      subject: 'Resetarea parolei',
      attachments: [],
    });
    expect(composeEmail('user-invited', userInvited().data)).toMatchObject({ subject: 'Join Client Ltd', attachments: [] });
  });

  it('gives up, for good, on a template that does not exist, inherited names included', () => {
    const invoice = invoiceIssued(pdf).data;
    expect(() => composeEmail('constructor', invoice)).toThrow(
      expect.objectContaining({ code: NotificationsErrorCode.TemplateNotFound }),
    );
    expect(() => composeEmail('newsletter', invoice)).toThrow(
      expect.objectContaining({
        code: 'TEMPLATE_NOT_FOUND',
        kind: 'unprocessable',
        message: "no template is named 'newsletter'",
      }),
    );
  });

  it('gives up on data its template cannot render, an unknown or inherited language included', () => {
    const invoice = invoiceIssued(pdf).data;
    for (const locale of ['de', 'constructor']) {
      expect(() => composeEmail('invoice-issued', { ...invoice, locale })).toThrow(
        expect.objectContaining({ code: 'TEMPLATE_RENDERED_NOTHING', kind: 'unprocessable' }),
      );
    }
  });
});

describe('the B6 notices, 10 days ahead', () => {
  it.each([
    [
      'fr',
      "Votre période d'essai se termine le 30 janvier 2027",
      "Le dernier jour de votre période d'essai de l'édition Dream Team est le 30 janvier 2027.",
    ],
    [
      'ro',
      'Perioada de probă se încheie pe 30 ianuarie 2027',
      'Ultima zi a perioadei de probă pentru ediția Dream Team este 30 ianuarie 2027.',
    ],
    ['en', 'Your trial ends on 30 January 2027', 'The last day of your trial of the Dream Team edition is 30 January 2027.'],
  ] as const)('trial ending, in %s: the last day and the edition', (locale, subject, sentence) => {
    const email = composeEmail('trial-ending', trialEnding({ locale }).data);
    expect(email).toEqual({
      subject,
      text: expect.stringContaining(sentence),
      html: expect.stringContaining(`<html lang="${locale}">`),
      attachments: [],
    });
  });

  it.each([
    ['fr', "bloqué jusqu'au paiement", 'Vos données sont conservées'],
    ['ro', 'blocat până la efectuarea plății', 'Datele dumneavoastră se păstrează'],
    ['en', 'blocked until you buy a subscription', 'Your data is kept'],
  ] as const)('trial ending on fr-crm, in %s: blocked until a purchase, data kept (T3)', (locale, blocked, kept) => {
    const { text } = composeEmail('trial-ending', trialEnding({ locale, catalog: 'fr-crm' }).data);
    expect(text).toContain(blocked);
    expect(text).toContain(kept);
    expect(text).not.toMatch(/gratuit|free/);
  });

  it.each([
    ['fr', "passera automatiquement à l'édition gratuite"],
    ['ro', 'trece automat la ediția gratuită și rămâne utilizabil'],
    ['en', 'moves to the free edition automatically and stays usable'],
  ] as const)('trial ending on ro-crm, in %s: the free edition follows (T3)', (locale, free) => {
    const { text } = composeEmail('trial-ending', trialEnding({ locale, catalog: 'ro-crm', edition: 'premium' }).data);
    expect(text).toContain('Premium');
    expect(text).toContain(free);
    expect(text).not.toMatch(/bloqué|blocat|blocked/);
  });

  it.each([
    [
      'fr',
      'Votre abonnement Premium expire le 30 janvier 2027',
      [
        'Le dernier jour de la période payée de votre édition Premium est le 30 janvier 2027.',
        'Pour prolonger votre abonnement, achetez une nouvelle période Premium dans le Panneau Admin > Abonnement > Prix et éditions',
        "passera automatiquement à l'édition gratuite Standard le lendemain et restera utilisable",
      ],
    ],
    [
      'ro',
      'Abonamentul Premium expiră pe 30 ianuarie 2027',
      [
        'Ultima zi plătită a ediției Premium este 30 ianuarie 2027.',
        'cumpărați o nouă perioadă Premium în Panoul de administrare > Abonament > Prețuri și ediții',
        'trece automat la ediția gratuită Standard în ziua următoare și rămâne utilizabil',
      ],
    ],
    [
      'en',
      'Your Premium subscription expires on 30 January 2027',
      [
        'The last paid day of your Premium edition is 30 January 2027.',
        'buy a new Premium period in Admin panel > Subscription > Prices and editions',
        'moves to the free Standard edition automatically the next day and stays usable',
      ],
    ],
  ] as const)(
    'subscription expiring, in %s: the last day paid, how to extend, the free edition (B2, B3)',
    (locale, subject, sentences) => {
      const email = composeEmail('subscription-expiring', subscriptionExpiring({ locale }).data);
      expect(email.subject).toBe(subject);
      for (const sentence of sentences) expect(email.text).toContain(sentence);
      expect(email.attachments).toEqual([]);
    },
  );

  it('subscription expiring without a free edition: it ends, and the data is kept', () => {
    const data = subscriptionExpiring({ locale: 'fr', freeEdition: undefined }).data;
    const { text } = composeEmail('subscription-expiring', data);
    expect(text).toContain(
      'Sans prolongation, votre abonnement Premium prendra fin après cette date. Vos données sont conservées.',
    );
    expect(text).not.toContain('gratuite');
  });

  it('writes the first of the month as each language does', () => {
    expect(composeEmail('trial-ending', trialEnding({ trialEndsOn: '2027-02-01' }).data).subject).toBe(
      "Votre période d'essai se termine le 1er février 2027",
    );
    expect(composeEmail('subscription-expiring', subscriptionExpiring({ expiresOn: '2027-12-01' }).data).subject).toBe(
      'Abonamentul Premium expiră pe 1 decembrie 2027',
    );
  });

  it('gives up on a notice in a language without one', () => {
    expect(() => composeEmail('trial-ending', { ...trialEnding().data, locale: 'de' })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_RENDERED_NOTHING' }),
    );
  });
});

describe('attaching an invoice PDF', () => {
  const reference = {
    kind: 'invoice-pdf' as const,
    documentId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
    filename: 'OBFR-2026-000042.pdf',
    sha256: createHash('sha256').update(pdf).digest('hex'),
  };

  it('attaches the bytes its event announced, as a PDF', () => {
    expect(pdfAttachment(reference, pdf)).toEqual({
      filename: 'OBFR-2026-000042.pdf',
      content: pdf,
      contentType: 'application/pdf',
    });
  });

  it('refuses, for good, bytes other than those its event announced', () => {
    expect(() => pdfAttachment(reference, Buffer.from('%PDF-1.7 another\n'))).toThrow(
      expect.objectContaining({ code: 'INVOICE_PDF_MISMATCH', kind: 'unprocessable' }),
    );
  });
});
