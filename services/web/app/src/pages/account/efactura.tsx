import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { downloadUrl, get, post, put } from '../../api';
import { Field, fieldMessage, LoadState, Notice, useAction, useLoad } from '../../components/ui';
import { useI18n } from '../../i18n';
import { MessageKey } from '../../i18n/messages';
import { Session } from '../../session';
import { Badge, canManage, FormError, orNothing, useAccountParam, useDateTime } from './common';

type SubmissionStatus = 'held' | 'queued' | 'uploaded' | 'accepted' | 'rejected';
type UploadMode = 'automatic' | 'manual';

interface EfacturaDocument {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  kind: 'invoice' | 'credit-note';
  correctedInvoiceNumber: string | null;
  issueDate: string;
  uploadDeadline: string;
  valid: boolean;
  findings: { ruleId: string; severity: 'fatal' | 'warning'; location: string; message: string }[];
  status: 'valid' | 'invalid';
  deadlineMissedAt?: string | null;
}

interface Submission {
  invoiceId: string;
  cif: string;
  status: SubmissionStatus;
  uploadIndex: string | null;
  anafErrors: string[];
  ruleIds: string[];
  archived: boolean;
  queuedAt: string;
  uploadedAt: string | null;
  settledAt: string | null;
  attempt: number;
}

interface Authorization {
  cif: string;
  connected: boolean;
  status: 'connected' | 'revoked' | 'not-connected';
  accessTokenExpiresAt?: string;
  connectedAt?: string;
  refreshedAt?: string;
  lastError?: string;
}

interface AuthorizationStart {
  authorizeUrl: string;
  expiresAt: string;
}

interface UploadSettings {
  uploadMode: UploadMode;
  updatedAt: string | null;
  queued: number;
}

interface IncomingInvoice {
  id: string;
  cif: string;
  anafId: string;
  supplierCif: string | null;
  supplierName: string | null;
  number: string | null;
  issueDate: string | null;
  currency: string | null;
  payableMinor: string | null;
  parseError: string | null;
  receivedAt: string;
}

interface Overview {
  romanian: boolean;
  cifs: string[];
  settings: UploadSettings;
  documents: { document: EfacturaDocument; submission: Submission | undefined }[];
  authorizations: Authorization[];
  incoming: IncomingInvoice[];
}

const SUBMISSION_TONES: Record<SubmissionStatus, 'ok' | 'bad' | 'warn' | undefined> = {
  held: 'warn',
  queued: undefined,
  uploaded: undefined,
  accepted: 'ok',
  rejected: 'bad',
};

const SUBMISSION_KEYS: Record<SubmissionStatus, MessageKey> = {
  held: 'efactura.submission.held',
  queued: 'efactura.submission.queued',
  uploaded: 'efactura.submission.uploaded',
  accepted: 'efactura.submission.accepted',
  rejected: 'efactura.submission.rejected',
};

const AUTHORIZATION_KEYS: Record<Authorization['status'], MessageKey> = {
  connected: 'efactura.auth.connected',
  revoked: 'efactura.auth.revoked',
  'not-connected': 'efactura.auth.notConnected',
};

/** A CUI as the gateway keeps it: digits only, without RO. */
export function normalizeCif(value: string | null | undefined): string | undefined {
  const digits = (value ?? '').trim().toUpperCase().replace(/^RO/, '');
  return /^[1-9]\d{1,9}$/.test(digits) ? digits : undefined;
}

/** Whether the account is Romanian: its catalog (chosen by country at sign-up), else its billing country. */
async function isRomanian(accountId: string): Promise<{ romanian: boolean; billingCif?: string }> {
  const subscription = await orNothing(get<{ catalog: string }>(`subscriptions/accounts/${accountId}/subscription`), [
    'SUBSCRIPTION_NOT_FOUND',
  ]);
  const billing = await orNothing(
    get<{ country: string; vatNumber: string | null; companyId: string | null }>(
      `invoicing/accounts/${accountId}/billing-details`,
    ),
    ['BILLING_DETAILS_NOT_FOUND'],
  );
  const romanian = subscription ? subscription.catalog === 'ro-crm' : billing?.country === 'RO';
  return { romanian, billingCif: normalizeCif(billing?.companyId) ?? normalizeCif(billing?.vatNumber) };
}

async function loadOverview(accountId: string): Promise<Overview> {
  const { romanian, billingCif } = await isRomanian(accountId);
  if (!romanian)
    return {
      romanian,
      cifs: [],
      settings: { uploadMode: 'automatic', updatedAt: null, queued: 0 },
      documents: [],
      authorizations: [],
      incoming: [],
    };
  const base = `efactura-gateway/accounts/${accountId}/efactura`;
  const [settings, listed, incoming] = await Promise.all([
    get<UploadSettings>(`${base}/settings`),
    get<EfacturaDocument[]>(`${base}/documents`),
    get<IncomingInvoice[]>(`${base}/incoming`),
  ]);
  const documents = await Promise.all(
    listed.map(async (document) => ({
      document,
      submission: await orNothing(get<Submission>(`${base}/${documentPath(document)}/submission`)),
    })),
  );
  // Every CUI the account connected (the gateway's list), then those its submissions or supplier invoices name
  // that are not connected; the billing details' CUI only as a first suggestion while there is none.
  const { authorizations: connected } = await get<{ authorizations: Authorization[] }>(`${base}/authorizations`);
  const known = new Set(connected.map((authorization) => authorization.cif));
  const named = [...documents.map((entry) => entry.submission?.cif), ...incoming.map((entry) => entry.cif)]
    .map((cif) => normalizeCif(cif))
    .filter((cif): cif is string => Boolean(cif) && !known.has(cif!));
  const unconnected = [...new Set(named.length > 0 || connected.length > 0 || !billingCif ? named : [billingCif])];
  const authorizations: Authorization[] = [
    ...connected,
    ...unconnected.map((cif) => ({ cif, connected: false, status: 'not-connected' as const })),
  ];
  const cifs = authorizations.map((authorization) => authorization.cif);
  return { romanian, cifs, settings, documents, authorizations, incoming };
}

function documentPath(document: EfacturaDocument): string {
  return `${document.kind === 'credit-note' ? 'credit-notes' : 'invoices'}/${document.invoiceId}`;
}

export function EfacturaPage({ session }: { session: Session }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const loaded = useLoad(() => loadOverview(accountId), [accountId]);
  // ANAF's consent page sends the browser back here through the gateway (…/efactura?anaf=connected&cif=…).
  const [params] = useSearchParams();
  const returnedCif = params.get('anaf') === 'connected' ? normalizeCif(params.get('cif')) : undefined;
  return (
    <>
      <h1>{t('efactura.title')}</h1>
      {returnedCif && <Notice>{t('efactura.returned', { cif: returnedCif })}</Notice>}
      <LoadState loaded={loaded}>
        {(overview) =>
          !overview.romanian ? (
            <section className="card" data-testid="efactura-not-romanian">
              <p>{t('efactura.notRomanian')}</p>
            </section>
          ) : (
            <>
              <Connection overview={overview} session={session} reload={loaded.reload} />
              <Settings settings={overview.settings} session={session} reload={loaded.reload} />
              <Documents overview={overview} session={session} reload={loaded.reload} />
              <Incoming incoming={overview.incoming} />
            </>
          )
        }
      </LoadState>
    </>
  );
}

function Connection({ overview, session, reload }: { overview: Overview; session: Session; reload: () => Promise<void> }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const dateTime = useDateTime();
  const [cif, setCif] = useState(overview.cifs[0] ?? '');
  const [started, setStarted] = useState<AuthorizationStart>();
  const start = useAction(async () => {
    setStarted(
      await post<AuthorizationStart>(`efactura-gateway/accounts/${accountId}/efactura/authorizations`, { cif: cif.trim() }),
    );
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start.run();
  };
  return (
    <section className="card" aria-labelledby="anaf-title" data-testid="anaf-connection">
      <h2 id="anaf-title">{t('efactura.connect.title')}</h2>
      <p>{t('efactura.connect.intro')}</p>
      {overview.authorizations.length > 0 ? (
        <table className="responsive" data-testid="authorizations-table">
          <thead>
            <tr>
              <th scope="col">{t('efactura.cif')}</th>
              <th scope="col">{t('efactura.status')}</th>
              <th scope="col">{t('efactura.auth.since')}</th>
              <th scope="col">{t('efactura.auth.tokenUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.authorizations.map((authorization) => (
              <tr key={authorization.cif} data-testid="authorization-row" data-cif={authorization.cif}>
                <td data-label={t('efactura.cif')}>RO{authorization.cif}</td>
                <td data-label={t('efactura.status')}>
                  <Badge
                    tone={authorization.status === 'connected' ? 'ok' : authorization.status === 'revoked' ? 'bad' : 'warn'}
                    testId="authorization-status"
                  >
                    {t(AUTHORIZATION_KEYS[authorization.status])}
                  </Badge>
                  {authorization.lastError && <small className="field-error account-block">{authorization.lastError}</small>}
                </td>
                <td data-label={t('efactura.auth.since')}>{dateTime(authorization.connectedAt)}</td>
                <td data-label={t('efactura.auth.tokenUntil')}>{dateTime(authorization.accessTokenExpiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('efactura.auth.none')}</p>
      )}
      {session.role === 'owner' ? (
        <form onSubmit={submit} className="account-inline-form" noValidate>
          <FormError error={start.error} fields={['cif']} />
          <Field
            label={t('efactura.cif')}
            name="cif"
            required
            inputMode="text"
            hint={t('efactura.connect.cifHint')}
            value={cif}
            error={fieldMessage(start.error, 'cif')}
            data-testid="anaf-cif"
            onChange={(event) => setCif(event.target.value)}
          />
          <div className="row">
            <button type="submit" className="primary" disabled={start.busy || !cif.trim()} data-testid="anaf-connect">
              {t('efactura.connect.submit')}
            </button>
            <button type="button" onClick={() => void reload()} data-testid="anaf-refresh">
              {t('efactura.refresh')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('efactura.connect.ownerOnly')}</p>
      )}
      {started && (
        <div className="alert alert-ok" role="status">
          <p>{t('efactura.connect.next')}</p>
          <a className="button primary" href={started.authorizeUrl} rel="noreferrer" data-testid="anaf-authorize-link">
            {t('efactura.connect.go')}
          </a>
          <p className="muted">{t('efactura.connect.until', { date: dateTime(started.expiresAt) })}</p>
        </div>
      )}
    </section>
  );
}

function Settings({ settings, session, reload }: { settings: UploadSettings; session: Session; reload: () => Promise<void> }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const [mode, setMode] = useState<UploadMode>(settings.uploadMode);
  const [saved, setSaved] = useState<UploadSettings>();
  const save = useAction(async () => {
    setSaved(await put<UploadSettings>(`efactura-gateway/accounts/${accountId}/efactura/settings`, { uploadMode: mode }));
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const owner = session.role === 'owner';
  return (
    <form className="card" onSubmit={submit} aria-labelledby="upload-mode-title" data-testid="upload-mode">
      <h2 id="upload-mode-title">{t('efactura.mode.title')}</h2>
      <fieldset className="account-checks" disabled={!owner}>
        <legend>{t('efactura.mode.legend')}</legend>
        {(['automatic', 'manual'] as const).map((value) => (
          <label key={value} className="account-check">
            <input
              type="radio"
              name="uploadMode"
              value={value}
              checked={mode === value}
              data-testid={`upload-mode-${value}`}
              onChange={() => setMode(value)}
            />
            <span>
              <strong>{t(value === 'automatic' ? 'efactura.mode.automatic' : 'efactura.mode.manual')}</strong>
              <br />
              <span className="muted">
                {t(value === 'automatic' ? 'efactura.mode.automaticHint' : 'efactura.mode.manualHint')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {saved && <Notice>{saved.queued > 0 ? t('efactura.mode.queued', { count: saved.queued }) : t('app.saved')}</Notice>}
      <FormError error={save.error} />
      {owner ? (
        <button type="submit" disabled={save.busy || mode === settings.uploadMode} data-testid="upload-mode-save">
          {t('app.save')}
        </button>
      ) : (
        <p className="muted">{t('efactura.mode.ownerOnly')}</p>
      )}
    </form>
  );
}

function Documents({ overview, session, reload }: { overview: Overview; session: Session; reload: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('efactura.documents.title')}</h2>
      {overview.documents.length === 0 ? (
        <p className="muted">{t('efactura.documents.none')}</p>
      ) : (
        <table className="responsive" data-testid="efactura-documents">
          <thead>
            <tr>
              <th scope="col">{t('efactura.documents.number')}</th>
              <th scope="col">{t('efactura.documents.issued')}</th>
              <th scope="col">{t('efactura.documents.deadline')}</th>
              <th scope="col">{t('efactura.documents.validation')}</th>
              <th scope="col">{t('efactura.status')}</th>
              <th scope="col">{t('efactura.documents.files')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.documents.map(({ document, submission }) => (
              <DocumentRow key={document.id} document={document} submission={submission} session={session} reload={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DocumentRow({
  document,
  submission,
  session,
  reload,
}: {
  document: EfacturaDocument;
  submission: Submission | undefined;
  session: Session;
  reload: () => Promise<void>;
}) {
  const accountId = useAccountParam();
  const { t, date } = useI18n();
  const base = `efactura-gateway/accounts/${accountId}/efactura/${documentPath(document)}`;
  const upload = useAction(async () => {
    await post(`${base}/submission/upload`);
    await reload();
  });
  const label = document.kind === 'credit-note' ? t('efactura.documents.creditNote') : t('efactura.documents.invoice');
  return (
    <tr data-testid="efactura-document" data-number={document.invoiceNumber}>
      <td data-label={t('efactura.documents.number')}>
        <span className="account-cell-main">
          <strong>{document.invoiceNumber}</strong>
          <span className="muted">
            {label}
            {document.correctedInvoiceNumber ? ` · ${document.correctedInvoiceNumber}` : ''}
          </span>
        </span>
      </td>
      <td data-label={t('efactura.documents.issued')}>{date(document.issueDate)}</td>
      <td data-label={t('efactura.documents.deadline')}>
        {date(document.uploadDeadline)}
        {document.deadlineMissedAt && <Badge tone="bad">{t('efactura.documents.missed')}</Badge>}
      </td>
      <td data-label={t('efactura.documents.validation')}>
        <Badge tone={document.valid ? 'ok' : 'bad'}>
          {document.valid ? t('efactura.documents.valid') : t('efactura.documents.invalid')}
        </Badge>
        {document.findings.filter((finding) => finding.severity === 'fatal').length > 0 && (
          <ul className="account-findings">
            {document.findings
              .filter((finding) => finding.severity === 'fatal')
              .map((finding) => (
                <li key={`${finding.ruleId}-${finding.location}`}>
                  {finding.ruleId}: {finding.message}
                </li>
              ))}
          </ul>
        )}
      </td>
      <td data-label={t('efactura.status')}>
        <span className="account-cell-main">
          {submission ? (
            <Badge tone={SUBMISSION_TONES[submission.status]} testId="submission-status">
              {t(SUBMISSION_KEYS[submission.status])}
            </Badge>
          ) : (
            <Badge testId="submission-status">{t('efactura.submission.none')}</Badge>
          )}
          {submission?.uploadIndex && (
            <small className="muted">{t('efactura.submission.index', { index: submission.uploadIndex })}</small>
          )}
          {submission && submission.anafErrors.length > 0 && (
            <ul className="account-findings">
              {submission.anafErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {submission?.status === 'held' && canManage(session.role) && (
            <button
              type="button"
              className="primary"
              disabled={upload.busy}
              data-testid="submission-upload"
              onClick={() => void upload.run()}
            >
              {t('efactura.submission.upload')}
              <span className="visually-hidden"> {document.invoiceNumber}</span>
            </button>
          )}
          <FormError error={upload.error} />
        </span>
      </td>
      <td data-label={t('efactura.documents.files')}>
        <span className="account-cell-main">
          <a href={downloadUrl(`${base}/xml`)} download data-testid="efactura-xml">
            {t('efactura.documents.xml', { number: document.invoiceNumber })}
          </a>
          {submission?.archived && (
            <a href={downloadUrl(`${base}/anaf-archive`)} download data-testid="efactura-archive">
              {t('efactura.documents.archive', { number: document.invoiceNumber })}
            </a>
          )}
        </span>
      </td>
    </tr>
  );
}

function Incoming({ incoming }: { incoming: IncomingInvoice[] }) {
  const accountId = useAccountParam();
  const { t, date, money } = useI18n();
  const base = `efactura-gateway/accounts/${accountId}/efactura/incoming`;
  const amount = (invoice: IncomingInvoice) => {
    if (invoice.payableMinor === null || !invoice.currency) return '—';
    try {
      return money(Number(invoice.payableMinor), invoice.currency);
    } catch (error) {
      if (error instanceof RangeError) return `${invoice.payableMinor} ${invoice.currency}`;
      throw error;
    }
  };
  return (
    <section className="card" aria-labelledby="incoming-title">
      <h2 id="incoming-title">{t('efactura.incoming.title')}</h2>
      {incoming.length === 0 ? (
        <p className="muted">{t('efactura.incoming.none')}</p>
      ) : (
        <table className="responsive" data-testid="efactura-incoming">
          <thead>
            <tr>
              <th scope="col">{t('efactura.incoming.supplier')}</th>
              <th scope="col">{t('efactura.documents.number')}</th>
              <th scope="col">{t('efactura.documents.issued')}</th>
              <th scope="col" className="amount">
                {t('efactura.incoming.amount')}
              </th>
              <th scope="col">{t('efactura.incoming.received')}</th>
              <th scope="col">{t('efactura.documents.files')}</th>
            </tr>
          </thead>
          <tbody>
            {incoming.map((invoice) => (
              <tr key={invoice.id} data-testid="incoming-row">
                <td data-label={t('efactura.incoming.supplier')}>
                  <span className="account-cell-main">
                    <strong>{invoice.supplierName ?? '—'}</strong>
                    {invoice.supplierCif && <span className="muted">{invoice.supplierCif}</span>}
                  </span>
                </td>
                <td data-label={t('efactura.documents.number')}>{invoice.number ?? '—'}</td>
                <td data-label={t('efactura.documents.issued')}>{date(invoice.issueDate)}</td>
                <td data-label={t('efactura.incoming.amount')} className="amount">
                  {amount(invoice)}
                </td>
                <td data-label={t('efactura.incoming.received')}>{date(invoice.receivedAt)}</td>
                <td data-label={t('efactura.documents.files')}>
                  <span className="account-cell-main">
                    {!invoice.parseError && (
                      <a href={downloadUrl(`${base}/${invoice.id}/xml`)} download data-testid="incoming-xml">
                        {t('efactura.incoming.xml', { number: invoice.number ?? invoice.anafId })}
                      </a>
                    )}
                    <a href={downloadUrl(`${base}/${invoice.id}/archive`)} download data-testid="incoming-archive">
                      {t('efactura.incoming.archive', { number: invoice.number ?? invoice.anafId })}
                    </a>
                    {invoice.parseError && <small className="field-error">{t('efactura.incoming.unreadable')}</small>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
