import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get } from '../api';
import { Field, LoadState, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { StaffShell } from './shell';
import { StaffAccountSummary } from './staff-api';
import { AccountStatus } from './status';

/** S1: find a customer account by company name, a user's e-mail address or its id. */
export function StaffSearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [tooShort, setTooShort] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().length < 2) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setParams({ q: typed.trim() });
  };

  return (
    <StaffShell>
      <h1>{t('staff.search.title')}</h1>
      <form className="card staff-search" role="search" onSubmit={submit} noValidate>
        <Field
          label={t('staff.search.query')}
          hint={t('staff.search.hint')}
          error={tooShort ? t('staff.search.tooShort') : undefined}
          type="search"
          name="q"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="primary">
          {t('staff.search.submit')}
        </button>
      </form>
      {q && <Results q={q} />}
    </StaffShell>
  );
}

function Results({ q }: { q: string }) {
  const { t, date } = useI18n();
  const loaded = useLoad(
    () => get<{ accounts: StaffAccountSummary[] }>(`identity/staff/accounts?q=${encodeURIComponent(q)}`),
    [q],
  );
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('staff.search.results', { q })}</h2>
      <LoadState loaded={loaded}>
        {({ accounts }) =>
          accounts.length === 0 ? (
            <p className="card muted" data-testid="no-accounts">
              {t('staff.search.none')}
            </p>
          ) : (
            <table className="responsive" data-testid="accounts">
              <thead>
                <tr>
                  <th scope="col">{t('staff.account.company')}</th>
                  <th scope="col">{t('staff.account.owner')}</th>
                  <th scope="col">{t('staff.account.country')}</th>
                  <th scope="col">{t('staff.account.catalog')}</th>
                  <th scope="col">{t('staff.account.status')}</th>
                  <th scope="col">{t('staff.account.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.accountId} data-testid={`account-${account.accountId}`}>
                    <td data-label={t('staff.account.company')}>
                      <Link to={`/staff/accounts/${account.accountId}`}>{account.companyName}</Link>
                      {account.testClockId && <span className="badge warn">{t('staff.account.testClock')}</span>}
                    </td>
                    <td data-label={t('staff.account.owner')}>{account.ownerEmail ?? '—'}</td>
                    <td data-label={t('staff.account.country')}>{account.country}</td>
                    <td data-label={t('staff.account.catalog')}>{account.catalog}</td>
                    <td data-label={t('staff.account.status')}>
                      <AccountStatus status={account.status} />
                    </td>
                    <td data-label={t('staff.account.createdAt')}>{date(account.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  );
}
