import { Locale } from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';

/** The conventions each invoice language is read with: French and Romanian as in their country, English as in the UK. */
const INTL_LOCALE: Readonly<Record<Locale, string>> = { fr: 'fr-FR', ro: 'ro-RO', en: 'en-GB' };

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const rateFormats = new Map<Locale, Intl.NumberFormat>();
const amountFormats = new Map<string, Intl.NumberFormat>();

/**
 * A calendar date as the invoice's reader writes it: 27/11/2026 in French, 27.11.2026 in Romanian,
 * 27 Nov 2026 in English (spelt-out month, so neither a British nor an American reader misreads it).
 */
export function formatDate(isoDate: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      locale === 'en'
        ? { day: 'numeric', month: 'short', year: 'numeric' }
        : { day: '2-digit', month: '2-digit', year: 'numeric' };
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  // A calendar date names no instant: read and written at UTC midnight, it never shifts by a day.
  return format.format(new Date(`${isoDate}T00:00:00.000Z`));
}

/**
 * An amount in minor units with the locale's separators and currency sign: 1 234,50 € in French,
 * 1.234,50 RON in Romanian, €1,234.50 in English. The decimal string is formatted as it is, never as a
 * float, so no amount is rounded on its way to the page.
 */
export function formatAmount(minor: number, currency: string, locale: Locale): string {
  const key = `${locale} ${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency });
    amountFormats.set(key, format);
  }
  return readable((format.format as unknown as FormatDecimal)(moneyToDecimal(money(minor, currency))));
}

/**
 * French groups digits and sets % apart with a narrow no-break space (U+202F); text extraction (an
 * accountant's copy and paste, pdftotext) loses it next to a single digit, so it becomes a full one.
 */
const readable = (formatted: string): string => formatted.replace(/\u202f/g, '\u00a0');

/** ES2022's types take a number, but Intl (NumberFormat v3, Node 20+) formats a decimal string exactly. */
type FormatDecimal = (decimal: string) => string;

/** A VAT rate in basis points as a percentage: 20 %, 25,5 % in French; 20%, 25.5% in English. */
export function formatRate(basisPoints: number, locale: Locale): string {
  let format = rateFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 2 });
    rateFormats.set(locale, format);
  }
  return readable(format.format(basisPoints / 10_000));
}

/** A country's name in the invoice's language (Allemagne, Germania, Germany), or its code when unnamed. */
export function countryName(countryCode: string, locale: Locale): string {
  return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region' }).of(countryCode) ?? countryCode;
}
