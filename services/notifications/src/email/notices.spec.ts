import { eventCatalog, exampleDataOf, Locale, LOCALES } from '@obolus/contracts';
import { HOSTILE_STRINGS } from '@obolus/testing';
import { composeEmail } from '../deliveries/mappers/deliveries-of-events';
import { NOTICES } from './notice-catalog';
import { TEMPLATE_NAMES, TemplateName } from './templates';

const NUMBER_LOCALE: Record<Locale, string> = { fr: 'fr-FR', ro: 'ro-RO', en: 'en-GB' };
const templated = eventCatalog.flatMap((contract) => {
  const notice = NOTICES[contract.type];
  return notice && 'template' in notice ? [{ contract, template: notice.template }] : [];
});

/** The event's example data in a language, with the owner's address its contact would add. */
function sample(contract: (typeof eventCatalog)[number], locale: Locale): Record<string, unknown> {
  return { ...(exampleDataOf(contract) as Record<string, unknown>), locale, ownerEmail: 'owner@client.example' };
}

/** Every free-text leaf of the data replaced by a hostile string (codes, dates, amounts and languages kept). */
function hostile(data: unknown, index = { next: 0 }, key = ''): unknown {
  if (Array.isArray(data)) return data.map((item) => hostile(item, index, key));
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, hostile(value, index, name)]));
  }
  const kept = /^(locale|catalog|currency|edition|fromEdition|toEdition|freeEdition|outcome|reason|status|term|country|vatCategory)$/;
  if (typeof data !== 'string' || kept.test(key) || /^\d{4}-\d{2}-\d{2}/.test(data)) return data;
  return HOSTILE_STRINGS[index.next++ % HOSTILE_STRINGS.length];
}

describe('notices: every customer-facing event has its e-mail in fr, ro and en', () => {
  it('classifies every event type of the catalog, and nothing else', () => {
    const types = eventCatalog.map((contract) => contract.type);
    expect(types.filter((type) => !Object.hasOwn(NOTICES, type))).toEqual([]);
    expect(Object.keys(NOTICES).filter((type) => !types.includes(type))).toEqual([]);
  });

  it('names only existing templates, and every template is some event’s notice', () => {
    const named = Object.values(NOTICES).flatMap((notice) =>
      'template' in notice ? [notice.template] : 'coveredBy' in notice ? [notice.coveredBy] : [],
    );
    expect(named.filter((template) => !TEMPLATE_NAMES.includes(template))).toEqual([]);
    const owned = templated.map(({ template }) => template);
    expect(TEMPLATE_NAMES.filter((template) => !owned.includes(template))).toEqual([]);
  });

  describe.each(templated.map(({ contract, template }) => [template, contract] as const))('%s', (template, contract) => {
    it.each(LOCALES)('renders in %s with no missing value and dates in words', (locale) => {
      const email = composeEmail(template as TemplateName, sample(contract, locale), locale);
      for (const part of [email.subject, email.text]) {
        expect(part.length).toBeGreaterThan(0);
        expect(part).not.toMatch(/undefined|NaN|\[object Object\]|\bnull\b/);
        expect(part).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      }
      expect(email.html).toContain(`<html lang="${locale}">`);
    });

    it.each(LOCALES)('shows hostile strings as text in %s, never as markup', (locale) => {
      const data = hostile(sample(contract, locale)) as Record<string, unknown>;
      const email = composeEmail(template as TemplateName, data, locale);
      expect(email.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
      if (email.text.includes('<script>')) expect(email.html).toContain('&lt;script&gt;');
      expect(email.text).not.toMatch(/undefined|NaN|\[object Object\]/);
    });
  });

  it.each(LOCALES)('writes amounts as %s readers do', (locale) => {
    const format = (minor: number, currency: string) =>
      new Intl.NumberFormat(NUMBER_LOCALE[locale], { style: 'currency', currency }).format(minor / 100);
    for (const { contract, template } of templated.filter(({ template }) => ['invoice-issued', 'credit-note-issued', 'payment-failed'].includes(template))) {
      const data = sample(contract, locale) as { totals?: { grossMinor: number }; amountMinor?: number; currency: string };
      const minor = data.totals?.grossMinor ?? data.amountMinor!;
      expect(composeEmail(template, data, locale).text).toContain(format(minor, data.currency));
    }
  });

  it('does put the hostile strings into the e-mails that show free text, escaped in HTML', () => {
    const showing = templated.filter(({ contract, template }) => {
      const email = composeEmail(template, hostile(sample(contract, 'fr')) as Record<string, unknown>, 'fr');
      return HOSTILE_STRINGS.some((text) => email.text.includes(text));
    });
    expect(showing.map(({ template }) => template)).toEqual(
      expect.arrayContaining(['welcome', 'invoice-issued', 'user-invited', 'payment-failed', 'efactura-rejected', 'supplier-invoice-received']),
    );
    for (const { contract, template } of showing) {
      const { html } = composeEmail(template, hostile(sample(contract, 'fr')) as Record<string, unknown>, 'fr');
      expect(html).toMatch(/&lt;|&quot;|&#39;|&amp;/);
    }
  });
});
