import { FormEvent, useState } from 'react';
import { del, get, patch, post } from '../../api';
import { ErrorMessage, Field, fieldMessage, LoadState, Notice, useAction, useLoad } from '../../components/ui';
import { useI18n } from '../../i18n';
import { MessageKey } from '../../i18n/messages';
import { Session } from '../../session';
import { Badge, canManage, FormError, useAccountParam, useDateTime } from './common';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  description: string;
  enabled: boolean;
  status: 'active' | 'failing';
  failingSince: string | null;
  previousSecretValidUntil: string | null;
  createdAt: string;
}

interface Attempt {
  number: number;
  trigger: string;
  attemptedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
  attempts: Attempt[];
}

/** A secret as the service shows it: once, on creation or rotation. */
interface ShownSecret {
  endpointId: string;
  url: string;
  secret: string;
  previousSecretValidUntil?: string;
}

/**
 * The public names of the events offered as webhooks (@obolus/contracts' WEBHOOK_EVENT_NAMES, in its order);
 * notifications refuses any other name.
 */
export const WEBHOOK_EVENTS = [
  'subscription.trial-started',
  'subscription.trial-ending',
  'subscription.trial-ended',
  'subscription.activated',
  'subscription.changed',
  'subscription.expiring',
  'subscription.expired',
  'subscription.downgraded',
  'subscription.blocked',
  'entitlements.changed',
  'invoice.issued',
  'credit-note.issued',
  'proforma.issued',
  'invoice.overdue',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'document.validated',
  'submission.accepted',
  'submission.rejected',
  'deadline.approaching',
  'deadline.missed',
  'authorization.lost',
  'incoming.received',
  'user.joined',
  'user.removed',
] as const;

const DELIVERY_KEYS: Record<Delivery['status'], MessageKey> = {
  pending: 'webhooks.delivery.pending',
  delivered: 'webhooks.delivery.delivered',
  failed: 'webhooks.delivery.failed',
};

export function WebhooksPage({ session }: { session: Session }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const endpoints = useLoad(() => get<Endpoint[]>(`notifications/accounts/${accountId}/webhook-endpoints`), [accountId]);
  const [secret, setSecret] = useState<ShownSecret>();
  if (!canManage(session.role)) {
    return (
      <>
        <h1>{t('webhooks.title')}</h1>
        <p className="card">{t('webhooks.managersOnly')}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p>{t('webhooks.intro')}</p>
      {secret && <SecretOnce shown={secret} onDismiss={() => setSecret(undefined)} />}
      <CreateEndpoint
        onCreated={async (shown) => {
          setSecret(shown);
          await endpoints.reload();
        }}
      />
      <LoadState loaded={endpoints}>
        {(list) => (
          <section aria-labelledby="endpoints-title">
            <h2 id="endpoints-title">{t('webhooks.endpoints')}</h2>
            {list.length === 0 && <p className="card muted">{t('webhooks.none')}</p>}
            {list.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} reload={endpoints.reload} onSecret={setSecret} />
            ))}
          </section>
        )}
      </LoadState>
    </>
  );
}

function SecretOnce({ shown, onDismiss }: { shown: ShownSecret; onDismiss: () => void }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  return (
    <section className="card account-secret" role="status" aria-labelledby="secret-title" data-testid="webhook-secret-box">
      <h2 id="secret-title">{t('webhooks.secret.title')}</h2>
      <p>{t('webhooks.secret.once', { url: shown.url })}</p>
      <code className="account-secret-value" data-testid="webhook-secret">
        {shown.secret}
      </code>
      {shown.previousSecretValidUntil && (
        <p className="muted">{t('webhooks.secret.previous', { date: dateTime(shown.previousSecretValidUntil) })}</p>
      )}
      <button type="button" onClick={onDismiss} data-testid="webhook-secret-dismiss">
        {t('webhooks.secret.dismiss')}
      </button>
    </section>
  );
}

function CreateEndpoint({ onCreated }: { onCreated: (shown: ShownSecret) => Promise<void> }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<string>>(new Set());
  const create = useAction(async () => {
    const created = await post<Endpoint & { secret: string }>(`notifications/accounts/${accountId}/webhook-endpoints`, {
      url: url.trim(),
      eventTypes: [...events],
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    setUrl('');
    setDescription('');
    setEvents(new Set());
    await onCreated({ endpointId: created.id, url: created.url, secret: created.secret });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  const toggle = (name: string, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(name);
    else next.delete(name);
    setEvents(next);
  };
  const eventsError = fieldMessage(create.error, 'eventTypes');
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-endpoint-title" data-testid="webhook-create-form" noValidate>
      <h2 id="create-endpoint-title">{t('webhooks.create.title')}</h2>
      <FormError error={create.error} fields={['url', 'eventTypes', 'description']} />
      <Field
        label={t('webhooks.create.url')}
        type="url"
        name="url"
        required
        placeholder="https://"
        hint={t('webhooks.create.urlHint')}
        value={url}
        error={fieldMessage(create.error, 'url')}
        data-testid="webhook-url"
        onChange={(event) => setUrl(event.target.value)}
      />
      <Field
        label={t('webhooks.create.description')}
        name="description"
        maxLength={200}
        value={description}
        error={fieldMessage(create.error, 'description')}
        data-testid="webhook-description"
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset className="account-checks" aria-invalid={eventsError ? true : undefined} data-testid="webhook-events">
        <legend>{t('webhooks.create.events')}</legend>
        <div className="row">
          <button type="button" className="link-button" onClick={() => setEvents(new Set(WEBHOOK_EVENTS))}>
            {t('webhooks.create.all')}
          </button>
          <button type="button" className="link-button" onClick={() => setEvents(new Set())}>
            {t('webhooks.create.noneSelected')}
          </button>
        </div>
        <div className="account-event-grid">
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="account-check">
              <input
                type="checkbox"
                name="eventTypes"
                value={name}
                checked={events.has(name)}
                data-testid={`webhook-event-${name}`}
                onChange={(event) => toggle(name, event.target.checked)}
              />
              <code>{name}</code>
            </label>
          ))}
        </div>
        {eventsError && <small className="field-error">{eventsError}</small>}
      </fieldset>
      <button type="submit" className="primary" disabled={create.busy} data-testid="webhook-create">
        {t('webhooks.create.submit')}
      </button>
    </form>
  );
}

function EndpointCard({
  endpoint,
  reload,
  onSecret,
}: {
  endpoint: Endpoint;
  reload: () => Promise<void>;
  onSecret: (shown: ShownSecret) => void;
}) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const dateTime = useDateTime();
  const base = `notifications/accounts/${accountId}/webhook-endpoints/${endpoint.id}`;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [logVersion, setLogVersion] = useState(0);
  const toggle = useAction(async () => {
    await patch(base, { enabled: !endpoint.enabled });
    await reload();
  });
  const remove = useAction(async () => {
    await del(base);
    await reload();
  });
  const rotate = useAction(async () => {
    const rotated = await post<{ secret: string; previousSecretValidUntil: string }>(`${base}/rotate-secret`);
    onSecret({
      endpointId: endpoint.id,
      url: endpoint.url,
      secret: rotated.secret,
      previousSecretValidUntil: rotated.previousSecretValidUntil,
    });
    await reload();
  });
  const test = useAction(async () => {
    await post(`${base}/test`);
    setNotice(t('webhooks.test.sent'));
    setShowLog(true);
    setLogVersion((version) => version + 1);
  });
  const error = toggle.error ?? remove.error ?? rotate.error ?? test.error;
  const titleId = `endpoint-${endpoint.id}`;
  return (
    <article className="card" aria-labelledby={titleId} data-testid="webhook-endpoint" data-url={endpoint.url}>
      <div className="row account-spread">
        <h3 id={titleId} className="account-break">
          {endpoint.url}
        </h3>
        <span className="row">
          <Badge tone={endpoint.enabled ? 'ok' : undefined} testId="webhook-enabled">
            {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
          </Badge>
          {endpoint.status === 'failing' && (
            <Badge tone="bad" testId="webhook-failing">
              {t('webhooks.failing', { date: dateTime(endpoint.failingSince) })}
            </Badge>
          )}
        </span>
      </div>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="account-tags" aria-label={t('webhooks.create.events')}>
        {endpoint.eventTypes.map((name) => (
          <code key={name}>{name}</code>
        ))}
      </p>
      {endpoint.previousSecretValidUntil && (
        <p className="muted">{t('webhooks.secret.previous', { date: dateTime(endpoint.previousSecretValidUntil) })}</p>
      )}
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="button" disabled={toggle.busy} data-testid="webhook-toggle" onClick={() => void toggle.run()}>
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        <button
          type="button"
          disabled={test.busy || !endpoint.enabled}
          data-testid="webhook-test"
          onClick={() => void test.run()}
        >
          {t('webhooks.test')}
        </button>
        <button type="button" disabled={rotate.busy} data-testid="webhook-rotate" onClick={() => void rotate.run()}>
          {t('webhooks.rotate')}
        </button>
        <button
          type="button"
          aria-expanded={showLog}
          aria-controls={`${titleId}-log`}
          data-testid="webhook-log-toggle"
          onClick={() => setShowLog(!showLog)}
        >
          {showLog ? t('webhooks.log.hide') : t('webhooks.log.show')}
        </button>
        {confirmDelete ? (
          <span className="row" role="group" aria-label={t('webhooks.delete')}>
            <span>{t('webhooks.deleteConfirm')}</span>
            <button
              type="button"
              className="danger"
              disabled={remove.busy}
              data-testid="webhook-delete-confirm"
              onClick={() => void remove.run()}
            >
              {t('webhooks.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('app.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" data-testid="webhook-delete" onClick={() => setConfirmDelete(true)}>
            {t('webhooks.delete')}
          </button>
        )}
      </div>
      {showLog && (
        <div id={`${titleId}-log`}>
          <DeliveryLog key={logVersion} base={base} />
        </div>
      )}
    </article>
  );
}

function DeliveryLog({ base }: { base: string }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const deliveries = useLoad(() => get<Delivery[]>(`${base}/deliveries?limit=50`), [base]);
  const [replayed, setReplayed] = useState<string>();
  const replay = useAction(async (deliveryId: string) => {
    setReplayed(undefined);
    await post(`${base}/deliveries/${deliveryId}/replay`);
    setReplayed(deliveryId);
    await deliveries.reload();
  });
  return (
    <section aria-label={t('webhooks.log.title')} data-testid="webhook-deliveries">
      <div className="row account-spread">
        <h4>{t('webhooks.log.title')}</h4>
        <button type="button" className="link-button" data-testid="webhook-log-refresh" onClick={() => void deliveries.reload()}>
          {t('efactura.refresh')}
        </button>
      </div>
      {replayed && <Notice>{t('webhooks.log.replayed')}</Notice>}
      <ErrorMessage error={replay.error} />
      <LoadState loaded={deliveries}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('webhooks.log.none')}</p>
          ) : (
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.log.event')}</th>
                  <th scope="col">{t('webhooks.log.created')}</th>
                  <th scope="col">{t('efactura.status')}</th>
                  <th scope="col">{t('webhooks.log.attempts')}</th>
                  <th scope="col">{t('webhooks.log.lastAnswer')}</th>
                  <th scope="col">{t('team.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((delivery) => {
                  const last = delivery.attempts[delivery.attempts.length - 1];
                  return (
                    <tr key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status}>
                      <td data-label={t('webhooks.log.event')}>
                        <code>{delivery.eventType}</code>
                      </td>
                      <td data-label={t('webhooks.log.created')}>{dateTime(delivery.createdAt)}</td>
                      <td data-label={t('efactura.status')}>
                        <span className="account-cell-main">
                          <Badge
                            tone={delivery.status === 'delivered' ? 'ok' : delivery.status === 'failed' ? 'bad' : 'warn'}
                            testId="webhook-delivery-status"
                          >
                            {t(DELIVERY_KEYS[delivery.status])}
                          </Badge>
                          {delivery.nextAttemptAt && delivery.status === 'pending' && (
                            <small className="muted">{t('webhooks.log.next', { date: dateTime(delivery.nextAttemptAt) })}</small>
                          )}
                        </span>
                      </td>
                      <td data-label={t('webhooks.log.attempts')}>{delivery.attemptCount}</td>
                      <td data-label={t('webhooks.log.lastAnswer')}>{delivery.lastStatusCode ?? last?.error ?? '—'}</td>
                      <td data-label={t('team.actions')}>
                        <button
                          type="button"
                          disabled={replay.busy}
                          aria-label={t('webhooks.log.replayOf', {
                            event: delivery.eventType,
                            date: dateTime(delivery.createdAt),
                          })}
                          data-testid="webhook-replay"
                          onClick={() => void replay.run(delivery.id)}
                        >
                          {t('webhooks.log.replay')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  );
}
