import { useState } from 'react';
import { NavLink, Route, Routes, useParams } from 'react-router-dom';
import { get, post } from '../api';
import { Field, LoadState, NotFound, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { AuditLogSection, DeadLettersSection, EfacturaSection, WebhooksSection } from './account-operations';
import { InvoicesSection, PaymentsSection, TransfersSection } from './account-money';
import { StaffShell } from './shell';
import { StaffAction, Unavailable } from './staff-action';
import { optional, StaffAccount, StaffSubscription, TestClock, UNAVAILABLE } from './staff-api';
import { AccountStatus, StatusBadge } from './status';

const SECTIONS = [
  { path: '', key: 'staff.section.subscription' },
  { path: 'payments', key: 'staff.section.payments' },
  { path: 'invoices', key: 'staff.section.invoices' },
  { path: 'transfers', key: 'staff.section.transfers' },
  { path: 'efactura', key: 'staff.section.efactura' },
  { path: 'webhooks', key: 'staff.section.webhooks' },
  { path: 'audit-log', key: 'staff.section.auditLog' },
  { path: 'dead-letters', key: 'staff.section.deadLetters' },
] as const;

/** One customer account (S1): who it is, then a section at a time; an unknown account is the not-found page. */
export function StaffAccountPage() {
  const { accountId = '' } = useParams<{ accountId: string }>();
  const { t } = useI18n();
  const loaded = useLoad(() => get<StaffAccount>(`identity/staff/accounts/${encodeURIComponent(accountId)}`), [accountId]);
  return (
    <StaffShell>
      <LoadState loaded={loaded}>
        {(account) => (
          <>
            <header className="staff-account-header">
              <h1 data-testid="account-name">{account.companyName}</h1>
              <div className="row">
                <AccountStatus status={account.status} />
                <span className="badge">{account.catalog}</span>
                {account.testClockId && <span className="badge warn">{t('staff.account.testClock')}</span>}
              </div>
            </header>
            <nav className="staff-tabs" aria-label={t('staff.section.navigation')}>
              <ul>
                {SECTIONS.map((section) => (
                  <li key={section.path}>
                    <NavLink
                      to={`/staff/accounts/${account.accountId}${section.path ? `/${section.path}` : ''}`}
                      end={section.path === ''}
                    >
                      {t(section.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <Routes>
              <Route index element={<OverviewSection account={account} />} />
              <Route path="payments" element={<PaymentsSection account={account} />} />
              <Route path="invoices" element={<InvoicesSection account={account} />} />
              <Route path="transfers" element={<TransfersSection account={account} />} />
              <Route path="efactura" element={<EfacturaSection account={account} />} />
              <Route path="webhooks" element={<WebhooksSection account={account} />} />
              <Route path="audit-log" element={<AuditLogSection account={account} />} />
              <Route path="dead-letters" element={<DeadLettersSection account={account} />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </>
        )}
      </LoadState>
    </StaffShell>
  );
}

function OverviewSection({ account }: { account: StaffAccount }) {
  const { t, date } = useI18n();
  const subscription = useLoad(
    () => optional<StaffSubscription>(`subscriptions/accounts/${account.accountId}/subscription`),
    [account.accountId],
  );
  // The latest subscription a staff action answered: what the console knows even without a read route.
  const [latest, setLatest] = useState<StaffSubscription>();
  const [days, setDays] = useState('10');
  const base = `subscriptions/staff/accounts/${account.accountId}/subscription`;

  const afterAction = async (answer: StaffSubscription) => {
    setLatest(answer);
    await subscription.reload();
  };
  const daysCount = Number(days);
  const validDays = Number.isInteger(daysCount) && daysCount >= 1 && daysCount <= 365;

  return (
    <div className="staff-section" data-testid="section-subscription">
      <h2>{t('staff.section.subscription')}</h2>
      <div className="grid">
        <section className="card" aria-labelledby="account-facts">
          <h3 id="account-facts">{t('staff.account.facts')}</h3>
          <dl className="facts">
            <dt>{t('staff.account.id')}</dt>
            <dd>
              <code>{account.accountId}</code>
            </dd>
            <dt>{t('staff.account.owner')}</dt>
            <dd>{account.ownerEmail ?? '—'}</dd>
            <dt>{t('staff.account.country')}</dt>
            <dd>{account.country}</dd>
            <dt>{t('staff.account.catalog')}</dt>
            <dd>{account.catalog}</dd>
            <dt>{t('staff.account.createdAt')}</dt>
            <dd>{date(account.createdAt)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="subscription-facts" data-testid="subscription">
          <h3 id="subscription-facts">{t('staff.subscription.title')}</h3>
          <LoadState loaded={subscription}>
            {(read) => {
              const shown = latest ?? (read === UNAVAILABLE ? undefined : read);
              if (!shown) return <Unavailable what={t('staff.subscription.title')} />;
              return <SubscriptionFacts subscription={shown} />;
            }}
          </LoadState>
        </section>
      </div>

      <section aria-labelledby="users-title">
        <h3 id="users-title">{t('staff.account.users')}</h3>
        <table className="responsive" data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t('staff.account.email')}</th>
              <th scope="col">{t('staff.account.role')}</th>
              <th scope="col">{t('staff.account.status')}</th>
              <th scope="col">{t('staff.account.since')}</th>
            </tr>
          </thead>
          <tbody>
            {account.users.map((user) => (
              <tr key={`${user.email}-${user.status}`}>
                <td data-label={t('staff.account.email')}>{user.email}</td>
                <td data-label={t('staff.account.role')}>{user.role}</td>
                <td data-label={t('staff.account.status')}>
                  {user.status === 'invited' ? t('staff.account.invited') : t('staff.status.active')}
                </td>
                <td data-label={t('staff.account.since')}>{date(user.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h3>{t('staff.actions')}</h3>
      <div className="grid">
        <StaffAction
          testId="extend-trial"
          title={t('staff.trial.title')}
          intro={t('staff.trial.intro')}
          ready={validDays}
          fields={
            <Field
              label={t('staff.trial.days')}
              type="number"
              min={1}
              max={365}
              inputMode="numeric"
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
          }
          describe={() => t('staff.trial.confirm', { days: daysCount, company: account.companyName })}
          onConfirm={async (reason) => {
            const answer = await post<StaffSubscription>(`${base}/trial-extension`, { days: daysCount, reason });
            await afterAction(answer);
            return t('staff.trial.done', { date: date(answer.trialEndsOn) });
          }}
        />
        <StaffAction
          testId="bill-early"
          title={t('staff.billEarly.title')}
          intro={t('staff.billEarly.intro')}
          describe={() => t('staff.billEarly.confirm', { company: account.companyName })}
          onConfirm={async (reason) => {
            const answer = await post<StaffSubscription>(`${base}/bill-early`, { reason });
            await afterAction(answer);
            return t('staff.billEarly.done', { date: date(answer.billedThrough ?? answer.currentPeriodEnd) });
          }}
        />
        {account.testClockId && <TestClockControls clockId={account.testClockId} />}
      </div>
    </div>
  );
}

function SubscriptionFacts({ subscription }: { subscription: StaffSubscription }) {
  const { t, date } = useI18n();
  const features = subscription.features ?? Object.keys(subscription.entitlements ?? {});
  return (
    <>
      <dl className="facts">
        <dt>{t('staff.subscription.edition')}</dt>
        <dd data-testid="subscription-edition">{subscription.edition}</dd>
        <dt>{t('staff.subscription.status')}</dt>
        <dd>
          <StatusBadge status={subscription.status} />
        </dd>
        <dt>{t('staff.subscription.term')}</dt>
        <dd>{subscription.term ?? '—'}</dd>
        <dt>{t('staff.subscription.seats')}</dt>
        <dd>{subscription.seats}</dd>
        <dt>{t('staff.subscription.paymentMethod')}</dt>
        <dd>{subscription.paymentMethod ?? '—'}</dd>
        <dt>{t('staff.subscription.trialEndsOn')}</dt>
        <dd data-testid="trial-ends-on" data-date={subscription.trialEndsOn ?? ''}>
          {date(subscription.trialEndsOn)}
        </dd>
        <dt>{t('staff.subscription.period')}</dt>
        <dd>
          {subscription.currentPeriodStart
            ? t('staff.subscription.periodRange', {
                start: date(subscription.currentPeriodStart),
                end: date(subscription.currentPeriodEnd),
              })
            : '—'}
        </dd>
      </dl>
      {features.length > 0 && (
        <>
          <h4>{t('staff.subscription.entitlements')}</h4>
          <ul className="staff-features">
            {features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Test deployments: the account's clock, moved forward to a day (every service follows it). */
function TestClockControls({ clockId }: { clockId: string }) {
  const { t, locale } = useI18n();
  const clock = useLoad(() => get<TestClock>(`subscriptions/test-clocks/${encodeURIComponent(clockId)}`), [clockId]);
  const [day, setDay] = useState('');
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <StaffAction
      testId="test-clock"
      title={t('staff.clock.title')}
      intro={t('staff.clock.intro')}
      withReason={false}
      ready={/^\d{4}-\d{2}-\d{2}$/.test(day)}
      fields={
        <>
          <LoadState loaded={clock}>
            {(current) => (
              <p data-testid="clock-time">{t('staff.clock.now', { name: current.name, time: time(current.frozenTime) })}</p>
            )}
          </LoadState>
          <Field label={t('staff.clock.advanceTo')} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
        </>
      }
      describe={() => t('staff.clock.confirm', { date: day })}
      onConfirm={async () => {
        const moved = await post<TestClock>(`subscriptions/test-clocks/${encodeURIComponent(clockId)}/advance`, {
          frozenTime: `${day}T08:00:00Z`,
        });
        await clock.reload();
        return t('staff.clock.done', { time: time(moved.frozenTime) });
      }}
    />
  );
}
