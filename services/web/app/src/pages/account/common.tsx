import { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { ErrorMessage, fieldMessage } from '../../components/ui';
import { useI18n } from '../../i18n';
import { MessageKey } from '../../i18n/messages';
import '../account.css';

/** The account the URL names: every call of these pages names it, so another account's URL gets the services' 403/404. */
export function useAccountParam(): string {
  return useParams<{ accountId: string }>().accountId ?? '';
}

/** The roles of an account's users, as identity names them. */
export type Role = 'owner' | 'admin' | 'user';

export const ROLE_KEYS: Record<Role, MessageKey> = {
  owner: 'team.role.owner',
  admin: 'team.role.admin',
  user: 'team.role.user',
};

/** Owners and admins manage users, webhooks and manual uploads; the services check it again. */
export function canManage(role: string | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** The refusal of a form, unless it names one of the fields shown next to their input. */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  if (fields.some((field) => fieldMessage(error, field))) return null;
  return <ErrorMessage error={error} />;
}

/** A 404 answer of the given codes (nothing there yet) as undefined; anything else is thrown. */
export async function orNothing<T>(load: Promise<T>, codes: string[] = []): Promise<T | undefined> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && (codes.length === 0 || codes.includes(error.code))) return undefined;
    throw error;
  }
}

/** A status badge: ok, bad, warn, or neutral. */
export function Badge({ tone, children, testId }: { tone?: 'ok' | 'bad' | 'warn'; children: ReactNode; testId?: string }) {
  return (
    <span className={tone ? `badge ${tone}` : 'badge'} data-testid={testId}>
      {children}
    </span>
  );
}

/** A date and time in the page's locale. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const { locale } = useI18n();
  return (iso) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
}

/** A size in bytes, as people read it. */
export function bytes(size: number | undefined, locale: string): string {
  if (size === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
