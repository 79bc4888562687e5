import { FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, downloadUrl, get, post } from '../../api';
import { PublicFrame } from '../../components/layout';
import { ErrorMessage, Field, fieldMessage, LoadState, useAction, useLoad } from '../../components/ui';
import { useI18n } from '../../i18n';
import { Session, useSession } from '../../session';
import { bytes, FormError, useAccountParam, useDateTime } from './common';

/** An export as identity shows it to the owner: pending, then ready with its signed download link. */
interface AccountExport {
  exportId: string;
  status: 'pending' | 'ready';
  requestedAt: string;
  readyAt?: string;
  expiresAt?: string;
  fileCount?: number;
  sizeBytes?: number;
  sha256?: string;
  downloadUrl?: string;
}

interface Closure {
  accountId: string;
  status: 'blocked';
  requestedAt: string;
  purgeAfter: string;
}

/** What the goodbye page is given: when the data goes, and the export's link (it works after closure too). */
interface Goodbye {
  purgeAfter?: string;
  exportUrl?: string;
  exportExpiresAt?: string;
}

const POLL_MS = 1500;

/**
 * The export's link through the edge. Identity signs a public link (`…/account-exports/:id/download?token=…` on its
 * own address); the token is the authority, so the same path under `/api/identity/` works for this page and after
 * closure, without a session.
 */
export function exportDownloadPath(link: string): string {
  const url = new URL(link, window.location.origin);
  const at = url.pathname.indexOf('account-exports/');
  return downloadUrl(`identity/${url.pathname.slice(at < 0 ? 0 : at).replace(/^\//, '')}${url.search}`);
}

export function ClosePage({ session }: { session: Session }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const [ready, setReady] = useState<AccountExport>();
  // The users who lose access, read from the account the URL names (another account's URL is the not-found page).
  const users = useLoad(() => get<unknown[]>(`identity/accounts/${accountId}/users`), [accountId]);
  return (
    <>
      <h1>{t('close.title')}</h1>
      <LoadState loaded={users}>
        {(list) =>
          session.role !== 'owner' ? (
            <p className="card" data-testid="close-owner-only">
              {t('close.ownerOnly')}
            </p>
          ) : (
            <>
              <ExportCard onReady={setReady} />
              <ClosureCard ready={ready} userCount={list.length} />
            </>
          )
        }
      </LoadState>
    </>
  );
}

function ExportCard({ onReady }: { onReady: (ready: AccountExport) => void }) {
  const accountId = useAccountParam();
  const { t, locale } = useI18n();
  const dateTime = useDateTime();
  const [current, setCurrent] = useState<AccountExport>();
  const [pollError, setPollError] = useState<unknown>();
  const request = useAction(async () => {
    setPollError(undefined);
    setCurrent(await post<AccountExport>(`identity/accounts/${accountId}/exports`));
  });
  const pendingId = current?.status === 'pending' ? current.exportId : undefined;
  useEffect(() => {
    if (!pendingId) return;
    let stopped = false;
    const timer = setInterval(() => {
      get<AccountExport>(`identity/accounts/${accountId}/exports/${pendingId}`)
        .then((found) => {
          if (stopped) return;
          setCurrent(found);
          if (found.status === 'ready') onReady(found);
        })
        .catch((error: unknown) => !stopped && setPollError(error));
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [accountId, pendingId, onReady]);
  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-card">
      <h2 id="export-title">{t('close.export.title')}</h2>
      <p>{t('close.export.intro')}</p>
      <FormError error={request.error} />
      <ErrorMessage error={pollError} />
      {current && (
        <div aria-live="polite" data-testid="export-status" data-status={current.status}>
          {current.status === 'pending' ? (
            <p aria-busy="true">
              <span className="badge warn">{t('close.export.pending')}</span> {t('close.export.pendingHint')}
            </p>
          ) : (
            <>
              <p>
                <span className="badge ok">{t('close.export.ready')}</span>
              </p>
              <dl className="facts">
                <dt>{t('close.export.files')}</dt>
                <dd>{current.fileCount ?? '—'}</dd>
                <dt>{t('close.export.size')}</dt>
                <dd>{bytes(current.sizeBytes, locale)}</dd>
                <dt>{t('close.export.until')}</dt>
                <dd>{dateTime(current.expiresAt)}</dd>
                {current.sha256 && (
                  <>
                    <dt>SHA-256</dt>
                    <dd className="account-break">{current.sha256}</dd>
                  </>
                )}
              </dl>
              {current.downloadUrl && (
                <p>
                  <a
                    className="button primary"
                    href={exportDownloadPath(current.downloadUrl)}
                    download
                    data-testid="export-download"
                  >
                    {t('close.export.download')}
                  </a>
                </p>
              )}
            </>
          )}
        </div>
      )}
      {current?.status !== 'pending' && (
        <button type="button" disabled={request.busy} data-testid="export-request" onClick={() => void request.run()}>
          {current ? t('close.export.again') : t('close.export.request')}
        </button>
      )}
    </section>
  );
}

function ClosureCard({ ready, userCount }: { ready: AccountExport | undefined; userCount: number }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const close = useAction(async () => {
    const closure = await post<Closure>(`identity/accounts/${accountId}/closure`, { password });
    const goodbye: Goodbye = {
      purgeAfter: closure.purgeAfter,
      exportUrl: ready?.downloadUrl ? exportDownloadPath(ready.downloadUrl) : undefined,
      exportExpiresAt: ready?.expiresAt,
    };
    // The goodbye page is public: go there first, then end the session (the account's pages would send to sign-in).
    navigate('/goodbye', { replace: true, state: goodbye });
    await signOut();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void close.run();
  };
  return (
    <section className="card account-danger" aria-labelledby="closure-title" data-testid="closure-card">
      <h2 id="closure-title">{t('close.closure.title')}</h2>
      <p>{t('close.closure.intro')}</p>
      {!confirming ? (
        <button type="button" className="danger" data-testid="close-start" onClick={() => setConfirming(true)}>
          {t('close.closure.start')}
        </button>
      ) : (
        <form onSubmit={submit} aria-labelledby="closure-confirm-title" data-testid="close-form">
          <h3 id="closure-confirm-title">{t('close.closure.consequences')}</h3>
          <ul data-testid="close-consequences">
            <li>{t('close.closure.blocked')}</li>
            <li>{t('close.closure.signedOut', { count: userCount })}</li>
            <li>{t('close.closure.billing')}</li>
            <li>{t('close.closure.purge')}</li>
            <li>{t('close.closure.invoicesKept')}</li>
            <li>{t('close.closure.exportLink')}</li>
          </ul>
          {!ready && <p className="alert alert-warn">{t('close.closure.noExport')}</p>}
          <FormError error={close.error} fields={['password']} />
          <Field
            label={t('close.closure.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={
              close.error instanceof ApiError && close.error.code === 'WRONG_PASSWORD'
                ? t('close.closure.wrongPassword')
                : fieldMessage(close.error, 'password')
            }
            data-testid="close-password"
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="row">
            <button type="submit" className="danger" disabled={close.busy || !password} data-testid="close-confirm">
              {t('close.closure.confirm')}
            </button>
            <button type="button" data-testid="close-cancel" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** After closure: the session is over; when the data goes, and the export's link while it lasts. */
export function GoodbyePage() {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const { date } = useI18n();
  const goodbye = (useLocation().state ?? {}) as Goodbye;
  return (
    <PublicFrame>
      <section className="card narrow" aria-labelledby="goodbye-title" data-testid="goodbye">
        <h1 id="goodbye-title">{t('goodbye.title')}</h1>
        <p>{t('goodbye.body')}</p>
        {goodbye.purgeAfter && <p>{t('goodbye.purge', { date: date(goodbye.purgeAfter) })}</p>}
        {goodbye.exportUrl && (
          <p className="row">
            <a className="button primary" href={goodbye.exportUrl} download data-testid="goodbye-export-download">
              {t('close.export.download')}
            </a>
            <span className="muted">{t('goodbye.exportUntil', { date: dateTime(goodbye.exportExpiresAt) })}</span>
          </p>
        )}
        <p className="muted">{t('goodbye.emailed')}</p>
        <Link to="/sign-in">{t('goodbye.signIn')}</Link>
      </section>
    </PublicFrame>
  );
}
