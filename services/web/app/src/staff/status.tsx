import { useI18n } from '../i18n';
import { MessageKey } from '../i18n/messages';
import { StaffAccountSummary } from './staff-api';

const TONES: Record<string, 'ok' | 'bad' | 'warn' | undefined> = {
  active: 'ok',
  free: 'ok',
  succeeded: 'ok',
  accepted: 'ok',
  paid: 'ok',
  delivered: 'ok',
  trialing: 'warn',
  processing: 'warn',
  pending: 'warn',
  queued: 'warn',
  uploaded: 'warn',
  open: 'warn',
  'closure-requested': 'warn',
  blocked: 'bad',
  failed: 'bad',
  rejected: 'bad',
  closed: 'bad',
  canceled: 'bad',
};

const KNOWN = new Set([
  'active',
  'free',
  'trialing',
  'blocked',
  'succeeded',
  'processing',
  'pending',
  'failed',
  'canceled',
  'queued',
  'uploaded',
  'accepted',
  'rejected',
  'open',
  'paid',
  'closed',
  'closure-requested',
  'delivered',
]);

/** A status as a coloured badge, worded in the page's language when the console knows it. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  const label = KNOWN.has(status) ? t(`staff.status.${status}` as MessageKey) : status;
  const tone = TONES[status];
  return (
    <span className={tone ? `badge ${tone}` : 'badge'} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

export function AccountStatus({ status }: { status: StaffAccountSummary['status'] }) {
  return <StatusBadge status={status} />;
}
