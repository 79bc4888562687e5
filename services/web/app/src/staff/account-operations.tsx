import { FormEvent, useState } from 'react';
import { ApiError, get, post } from '../api';
import { ErrorMessage, Field, LoadState, SelectField, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { StaffAction, Unavailable } from './staff-action';
import { AuditEntry, DEAD_LETTER_SERVICES, DeadLetter, optional, StaffAccount, Submission, UNAVAILABLE } from './staff-api';
import { StatusBadge } from './status';

interface SubmissionListed extends Submission {
  documentNumber?: string;
  documentType?: 'invoice' | 'credit-note';
}

interface EfacturaDocument {
  invoiceId: string;
  invoiceNumber: string;
  kind: 'invoice' | 'credit-note';
  uploadDeadline: string;
}

/**
 * The account's e-Factura documents with their submissions (the routes the owner reads, read-only for staff):
 * a document never submitted (invalid, or held) is listed without a submission status.
 */
async function submissionsOf(accountId: string): Promise<SubmissionListed[] | typeof UNAVAILABLE> {
  const base = `efactura-gateway/accounts/${accountId}/efactura`;
  const documents = await optional<EfacturaDocument[]>(`${base}/documents`);
  if (documents === UNAVAILABLE) return UNAVAILABLE;
  const listed = await Promise.all(
    documents.map(async (document) => {
      const path = `${base}/${document.kind === 'credit-note' ? 'credit-notes' : 'invoices'}/${document.invoiceId}/submission`;
      const submission = await get<Submission>(path).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      });
      return submission
        ? {
            ...submission,
            deadline: document.uploadDeadline,
            documentNumber: document.invoiceNumber,
            documentType: document.kind,
          }
        : undefined;
    }),
  );
  return listed.filter((entry): entry is NonNullable<typeof entry> => entry !== undefined);
}

/** e-Factura (E4): the account's submissions and their deadlines; one looked up, and retried when it ended badly. */
export function EfacturaSection({ account }: { account: StaffAccount }) {
  const { t, date } = useI18n();
  const base = `efactura-gateway/staff/accounts/${account.accountId}/efactura`;
  const listed = useLoad(() => submissionsOf(account.accountId), [account.accountId]);
  const [kind, setKind] = useState<'invoices' | 'credit-notes'>('invoices');
  const [documentId, setDocumentId] = useState('');
  // Each look-up reads again, even of the same document (its status moves while staff watch).
  const [looked, setLooked] = useState<{ id: string; at: number }>();

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    setLooked({ id: documentId.trim(), at: Date.now() });
  };

  return (
    <div className="staff-section" data-testid="section-efactura">
      <h2>{t('staff.section.efactura')}</h2>
      {account.catalog !== 'ro-crm' && <p className="muted">{t('staff.efactura.notRomanian')}</p>}
      <LoadState loaded={listed}>
        {(list) =>
          list === UNAVAILABLE ? (
            <Unavailable what={t('staff.efactura.list')} />
          ) : list.length === 0 ? (
            <p className="card muted">{t('staff.efactura.none')}</p>
          ) : (
            <table className="responsive" data-testid="submissions">
              <thead>
                <tr>
                  <th scope="col">{t('staff.invoices.number')}</th>
                  <th scope="col">{t('staff.payments.status')}</th>
                  <th scope="col">{t('staff.efactura.deadline')}</th>
                  <th scope="col">{t('staff.efactura.attempt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((submission) => (
                  <tr key={submission.invoiceId}>
                    <td data-label={t('staff.invoices.number')}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setKind(submission.documentType === 'credit-note' ? 'credit-notes' : 'invoices');
                          setDocumentId(submission.invoiceId);
                          setLooked({ id: submission.invoiceId, at: Date.now() });
                        }}
                      >
                        {submission.documentNumber ?? submission.invoiceId}
                      </button>
                    </td>
                    <td data-label={t('staff.payments.status')}>
                      <StatusBadge status={submission.status} />
                    </td>
                    <td data-label={t('staff.efactura.deadline')}>{date(submission.deadline)}</td>
                    <td data-label={t('staff.efactura.attempt')}>{submission.attempt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>

      <form className="card" onSubmit={lookUp} aria-labelledby="lookup-title" data-testid="submission-lookup">
        <h3 id="lookup-title">{t('staff.efactura.lookUp')}</h3>
        <SelectField
          label={t('staff.efactura.kind')}
          value={kind}
          onChange={(value) => setKind(value === 'credit-notes' ? 'credit-notes' : 'invoices')}
          options={[
            { value: 'invoices', label: t('staff.efactura.invoice') },
            { value: 'credit-notes', label: t('staff.efactura.creditNote') },
          ]}
        />
        <Field
          label={t('staff.efactura.documentId')}
          value={documentId}
          onChange={(event) => setDocumentId(event.target.value)}
        />
        <button type="submit" className="primary" disabled={!/^[0-9a-f-]{36}$/i.test(documentId.trim())}>
          {t('staff.efactura.show')}
        </button>
      </form>
      {looked && <SubmissionCard key={`${kind}/${looked.id}/${looked.at}`} base={base} kind={kind} documentId={looked.id} />}
    </div>
  );
}

function SubmissionCard({ base, kind, documentId }: { base: string; kind: 'invoices' | 'credit-notes'; documentId: string }) {
  const { t, locale } = useI18n();
  // Only invoices have a staff read route; a credit note's submission shows once retried.
  const loaded = useLoad(
    () => (kind === 'invoices' ? get<Submission>(`${base}/invoices/${documentId}/submission`) : Promise.resolve(null)),
    [base, kind, documentId],
  );
  // Kept on screen once used, so its outcome stays visible while the new attempt runs.
  const [retried, setRetried] = useState(false);
  const time = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <p className="card muted" data-testid="no-submission">
        {t('staff.efactura.noSubmission')}
      </p>
    );
  }
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  const submission = loaded.data;
  const retriable = retried || !submission || ['rejected', 'failed'].includes(submission.status);
  return (
    <>
      {submission && (
        <section className="card" aria-labelledby="submission-title" data-testid="submission">
          <div className="row">
            <h3 id="submission-title">{t('staff.efactura.submission')}</h3>
            <StatusBadge status={submission.status} testId="submission-status" />
            <button type="button" className="link-button" onClick={() => void loaded.reload()}>
              {t('staff.efactura.refresh')}
            </button>
          </div>
          <dl className="facts">
            <dt>{t('staff.efactura.cif')}</dt>
            <dd>{submission.cif}</dd>
            <dt>{t('staff.efactura.attempt')}</dt>
            <dd>{submission.attempt}</dd>
            <dt>{t('staff.efactura.queuedAt')}</dt>
            <dd>{time(submission.queuedAt)}</dd>
            <dt>{t('staff.efactura.uploadedAt')}</dt>
            <dd>{time(submission.uploadedAt)}</dd>
            <dt>{t('staff.efactura.settledAt')}</dt>
            <dd>{time(submission.settledAt)}</dd>
            {submission.deadline !== undefined && (
              <>
                <dt>{t('staff.efactura.deadline')}</dt>
                <dd>{time(submission.deadline)}</dd>
              </>
            )}
          </dl>
          {submission.anafErrors.length > 0 && (
            <>
              <h4>{t('staff.efactura.anafErrors')}</h4>
              <ul data-testid="anaf-errors">
                {submission.anafErrors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {retriable && (
        <StaffAction
          testId="retry-submission"
          title={t('staff.retry.title')}
          intro={t('staff.retry.intro')}
          describe={() => t('staff.retry.confirm', { id: documentId })}
          onConfirm={async (reason) => {
            const answer = await post<Submission>(`${base}/${kind}/${documentId}/submission/retry`, { reason });
            setRetried(true);
            await loaded.reload();
            return t('staff.retry.done', { attempt: answer.attempt });
          }}
        />
      )}
    </>
  );
}

interface WebhookEndpoint {
  id: string;
  url: string;
  enabled?: boolean;
  events?: string[];
}

interface WebhookDelivery {
  id: string;
  eventType?: string;
  status: string;
  attempts?: number;
  responseStatus?: number | null;
  createdAt?: string;
}

/** The account's webhook endpoints and their latest deliveries. */
export function WebhooksSection({ account }: { account: StaffAccount }) {
  const { t } = useI18n();
  const base = `notifications/accounts/${account.accountId}/webhook-endpoints`;
  const endpoints = useLoad(() => optional<WebhookEndpoint[]>(base), [base]);
  return (
    <div className="staff-section" data-testid="section-webhooks">
      <h2>{t('staff.section.webhooks')}</h2>
      <LoadState loaded={endpoints}>
        {(list) =>
          list === UNAVAILABLE ? (
            <Unavailable what={t('staff.webhooks.list')} />
          ) : list.length === 0 ? (
            <p className="card muted">{t('staff.webhooks.none')}</p>
          ) : (
            <>
              {list.map((endpoint) => (
                <EndpointDeliveries key={endpoint.id} base={base} endpoint={endpoint} />
              ))}
            </>
          )
        }
      </LoadState>
    </div>
  );
}

function EndpointDeliveries({ base, endpoint }: { base: string; endpoint: WebhookEndpoint }) {
  const { t, date } = useI18n();
  const deliveries = useLoad(
    () => get<WebhookDelivery[] | { deliveries: WebhookDelivery[] }>(`${base}/${endpoint.id}/deliveries?limit=20`),
    [base, endpoint.id],
  );
  return (
    <section className="card" aria-label={endpoint.url}>
      <h3 className="staff-url">{endpoint.url}</h3>
      <LoadState loaded={deliveries}>
        {(answer) => {
          const list = Array.isArray(answer) ? answer : answer.deliveries;
          return list.length === 0 ? (
            <p className="muted">{t('staff.webhooks.noDeliveries')}</p>
          ) : (
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t('staff.webhooks.event')}</th>
                  <th scope="col">{t('staff.payments.status')}</th>
                  <th scope="col">{t('staff.webhooks.attempts')}</th>
                  <th scope="col">{t('staff.payments.date')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((delivery) => (
                  <tr key={delivery.id}>
                    <td data-label={t('staff.webhooks.event')}>{delivery.eventType ?? '—'}</td>
                    <td data-label={t('staff.payments.status')}>
                      <StatusBadge status={delivery.status} />
                    </td>
                    <td data-label={t('staff.webhooks.attempts')}>{delivery.attempts ?? '—'}</td>
                    <td data-label={t('staff.payments.date')}>{date(delivery.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </LoadState>
    </section>
  );
}

/** Who did what, when and why: security events and every staff action on the account. */
export function AuditLogSection({ account }: { account: StaffAccount }) {
  const { t, locale } = useI18n();
  const entries = useLoad(
    () => get<AuditEntry[]>(`identity/staff/accounts/${account.accountId}/audit-log?limit=100`),
    [account.accountId],
  );
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <div className="staff-section" data-testid="section-audit-log">
      <div className="row">
        <h2>{t('staff.section.auditLog')}</h2>
        <button type="button" className="link-button" onClick={() => void entries.reload()}>
          {t('staff.efactura.refresh')}
        </button>
      </div>
      <LoadState loaded={entries}>
        {(list) =>
          list.length === 0 ? (
            <p className="card muted">{t('staff.audit.none')}</p>
          ) : (
            <table className="responsive" data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('staff.audit.when')}</th>
                  <th scope="col">{t('staff.audit.who')}</th>
                  <th scope="col">{t('staff.audit.what')}</th>
                  <th scope="col">{t('staff.audit.why')}</th>
                  <th scope="col">{t('staff.audit.subject')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((entry) => (
                  <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                    <td data-label={t('staff.audit.when')}>{time(entry.occurredAt)}</td>
                    <td data-label={t('staff.audit.who')}>
                      {entry.actor
                        ? `${entry.actor.email ?? entry.actor.id} (${t(entry.actor.type === 'staff' ? 'staff.audit.staff' : 'staff.audit.user')})`
                        : '—'}
                    </td>
                    <td data-label={t('staff.audit.what')}>{entry.action}</td>
                    <td data-label={t('staff.audit.why')}>{entry.reason ?? '—'}</td>
                    <td data-label={t('staff.audit.subject')}>
                      {entry.subject ? `${entry.subject.type} ${entry.subject.id}` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </div>
  );
}

interface ServiceLetters {
  service: (typeof DEAD_LETTER_SERVICES)[number];
  letters: DeadLetter[] | typeof UNAVAILABLE;
}

/** Events a service set aside for this account, each sent back to its topic with a reason. */
export function DeadLettersSection({ account }: { account: StaffAccount }) {
  const { t } = useI18n();
  const loaded = useLoad(
    () =>
      Promise.all(
        DEAD_LETTER_SERVICES.map(async (service): Promise<ServiceLetters> => {
          const answer = await optional<{ letters: DeadLetter[] }>(
            `${service}/staff/dead-letters?accountId=${account.accountId}`,
          );
          return { service, letters: answer === UNAVAILABLE ? UNAVAILABLE : answer.letters };
        }),
      ),
    [account.accountId],
  );
  return (
    <div className="staff-section" data-testid="section-dead-letters">
      <h2>{t('staff.section.deadLetters')}</h2>
      <LoadState loaded={loaded}>
        {(services) => {
          const letters = services.flatMap(({ service, letters }) =>
            letters === UNAVAILABLE ? [] : letters.map((letter) => ({ service, letter })),
          );
          const missing = services.filter((entry) => entry.letters === UNAVAILABLE).map((entry) => entry.service);
          return (
            <>
              {missing.length > 0 && <Unavailable what={missing.join(', ')} />}
              {letters.length === 0 ? (
                <p className="card muted" data-testid="no-dead-letters">
                  {t('staff.deadLetters.none')}
                </p>
              ) : (
                letters.map(({ service, letter }) => (
                  <StaffAction
                    key={`${letter.topic}/${letter.partition}/${letter.offset}`}
                    testId="replay-dead-letter"
                    title={`${service}: ${letter.eventType ?? letter.topic}`}
                    intro={letter.error ?? undefined}
                    describe={() => t('staff.deadLetters.confirm', { topic: letter.topic, offset: letter.offset })}
                    onConfirm={async (reason) => {
                      await post(`${service}/staff/dead-letters/replay`, {
                        topic: letter.topic,
                        partition: letter.partition,
                        offset: letter.offset,
                        reason,
                      });
                      await loaded.reload();
                      return t('staff.deadLetters.done');
                    }}
                  />
                ))
              )}
            </>
          );
        }}
      </LoadState>
    </div>
  );
}
