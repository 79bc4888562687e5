import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, fr, MessageKey, Messages, ro } from './messages';

export const LANGUAGES = ['fr', 'ro', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DICTIONARIES: Record<Language, Messages> = { en, fr, ro };
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', ro: 'ro-RO' };
/** The visitor's explicit choice; a preference, not a secret. */
const CHOICE_KEY = 'obolus.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  return format(DICTIONARIES[language][key], values);
}

function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOICE_KEY);
  if (isLanguage(chosen)) return chosen;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

interface I18n {
  language: Language;
  locale: string;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** The visitor's switch: remembered on this device. */
  choose: (language: Language) => void;
  /** The account's language, applied unless the visitor chose one on this device. */
  follow: (language: string | undefined) => void;
  /** Money in minor units, in the page's locale. */
  money: (amountMinor: number, currency: string) => string;
  date: (iso: string | undefined | null) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback((next: Language) => {
    localStorage.setItem(CHOICE_KEY, next);
    setLanguage(next);
  }, []);
  const follow = useCallback((accountLanguage: string | undefined) => {
    if (!isLanguage(localStorage.getItem(CHOICE_KEY)) && isLanguage(accountLanguage)) setLanguage(accountLanguage);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[language];
    return {
      language,
      locale,
      t: (key, values) => translate(language, key, values),
      choose,
      follow,
      money: (amountMinor, currency) => {
        const digits =
          new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
      },
      date: (iso) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '—'),
    };
  }, [language, choose, follow]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
