import { CloudEvent } from '@obolus/contracts';
import { createHash } from 'node:crypto';
import { NotificationsErrorCode } from '../../notifications.errors';
import { accountCreated, invoiceIssued, passwordResetRequested, userInvited } from '../test-support/events';
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
    expect(email.text).toContain('140.40 EUR');
    expect(email.attachments).toEqual([
      { kind: 'invoice-pdf', invoiceId: invoice.invoiceId, filename: 'OBFR-2026-000042.pdf', sha256: invoice.pdf.sha256 },
    ]);
  });

  it('attaches nothing to the other e-mails, each in its own language', () => {
    expect(composeEmail('welcome', accountCreated().data)).toEqual({
      subject: 'Bienvenue, Atelier Dupont',
      text: expect.stringContaining("Votre période d'essai commence aujourd'hui"),
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

describe('attaching an invoice PDF', () => {
  const reference = {
    kind: 'invoice-pdf' as const,
    invoiceId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
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
