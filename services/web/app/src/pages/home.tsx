import { Link } from 'react-router-dom';
import { get } from '../api';
import { LoadState, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { MessageKey } from '../i18n/messages';
import { Catalog, daysUntil, sleep, Subscription, subscriptionOf, useAccountId } from './portal-api';

export const STATUS_KEYS: Record<Subscription['status'], MessageKey> = {
  trialing: 'status.trialing',
  active: 'status.active',
  free: 'status.free',
  blocked: 'status.blocked',
};

export const TERM_KEYS: Record<string, MessageKey> = {
  monthly: 'term.monthly',
  annual: 'term.annual',
  'prepaid-1': 'term.prepaid-1',
  'prepaid-6': 'term.prepaid-6',
  'prepaid-12': 'term.prepaid-12',
};

/** The subscription and its catalog; right after sign-up the trial may take a few seconds to appear. */
export async function loadSubscription(accountId: string): Promise<{ subscription: Subscription | null; catalog?: Catalog }> {
  let subscription = await subscriptionOf(accountId);
  for (let attempt = 0; !subscription && attempt < 60; attempt += 1) {
    await sleep(500);
    subscription = await subscriptionOf(accountId);
  }
  if (!subscription) return { subscription: null };
  const catalog = await get<Catalog>(`subscriptions/catalog/${subscription.catalog}`);
  return { subscription, catalog };
}

/**
 * The days left as a button-like link to the renewal and purchase view, as the Romanian FAQ has it ("click the
 * number of days shown in your account"): the trial's days, or those of the paid period.
 */
export function DaysLeftBadge({ accountId, subscription }: { accountId: string; subscription: Subscription }) {
  const { t } = useI18n();
  // A trial's end day is its last day (counted); a period's end is the day after its last (not counted).
  const trial = subscription.status === 'trialing';
  const end = trial ? subscription.trialEndsOn : subscription.currentPeriodEnd;
  if (!end) return null;
  const days = Math.max(0, daysUntil(end) + (trial ? 1 : 0));
  const key: MessageKey = subscription.status === 'trialing' ? 'home.trialDaysLeft' : 'home.periodDaysLeft';
  const tone = days <= 10 ? 'badge warn' : 'badge ok';
  return (
    <Link className={tone} to={`/accounts/${accountId}/subscription`} data-testid="days-left">
      {t(key, { days })}
    </Link>
  );
}

/** The last day of a period whose end is the day after it (YYYY-MM-DD). */
export function lastDayOf(periodEnd: string): string {
  const day = new Date(`${periodEnd.slice(0, 10)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export function HomePage() {
  const accountId = useAccountId();
  const { t, date } = useI18n();
  const loaded = useLoad(() => loadSubscription(accountId), [accountId]);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <LoadState loaded={loaded}>
        {({ subscription, catalog }) =>
          !subscription ? (
            <p className="card">{t('home.settingUp')}</p>
          ) : (
            <section className="card" aria-labelledby="summary-title" data-testid="subscription-summary">
              <div className="row">
                <h2 id="summary-title">
                  {catalog?.editions.find((e) => e.code === subscription.edition)?.name ?? subscription.edition}
                </h2>
                <span className={subscription.status === 'blocked' ? 'badge bad' : 'badge'}>
                  {t(STATUS_KEYS[subscription.status])}
                </span>
                <DaysLeftBadge accountId={accountId} subscription={subscription} />
              </div>
              <dl className="facts">
                <dt>{t('home.seats')}</dt>
                <dd>{t('home.seatsValue', { seats: subscription.seats, users: subscription.users })}</dd>
                {subscription.term && (
                  <>
                    <dt>{t('home.term')}</dt>
                    <dd>{t(TERM_KEYS[subscription.term] ?? 'term.monthly')}</dd>
                  </>
                )}
                {subscription.status === 'trialing' && (
                  <>
                    <dt>{t('home.trialEnds')}</dt>
                    <dd>{date(subscription.trialEndsOn)}</dd>
                  </>
                )}
                {subscription.currentPeriodEnd && subscription.status !== 'trialing' && (
                  <>
                    <dt>{subscription.term?.startsWith('prepaid') ? t('home.paidUntil') : t('home.renewsOn')}</dt>
                    <dd>
                      {date(
                        subscription.term?.startsWith('prepaid')
                          ? lastDayOf(subscription.currentPeriodEnd)
                          : subscription.currentPeriodEnd,
                      )}
                    </dd>
                  </>
                )}
                {subscription.pendingEdition && (
                  <>
                    <dt>{t('home.pending')}</dt>
                    <dd>{catalog?.editions.find((e) => e.code === subscription.pendingEdition)?.name}</dd>
                  </>
                )}
              </dl>
              <p className="row">
                <Link className="button primary" to={`/accounts/${accountId}/subscription`}>
                  {subscription.status === 'active' ? t('home.manage') : t('home.buy')}
                </Link>
                <Link className="button" to={`/accounts/${accountId}/invoices`}>
                  {t('nav.invoices')}
                </Link>
              </p>
            </section>
          )
        }
      </LoadState>
    </>
  );
}
