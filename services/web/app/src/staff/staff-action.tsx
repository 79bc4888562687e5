import { FormEvent, ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { ErrorMessage, fieldMessage, Notice } from '../components/ui';
import { useI18n } from '../i18n';

/** The reason's bounds, as every staff route checks them (staff.action-taken). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/**
 * One staff action: its own fields, then why (kept in the account's audit log with who did it), then a
 * confirmation that repeats what will happen before anything is sent. `onConfirm` answers what was done.
 */
export function StaffAction({
  testId,
  title,
  intro,
  fields,
  ready = true,
  describe,
  onConfirm,
  withReason = true,
  danger = false,
}: {
  testId: string;
  title: string;
  intro?: string;
  fields?: ReactNode;
  /** False while the action's own fields are incomplete. */
  ready?: boolean;
  /** What will be done, in a sentence, for the confirmation. */
  describe: () => string;
  onConfirm: (reason: string) => Promise<string>;
  /** False for the rare action the service cannot record a reason for (a test clock's move). */
  withReason?: boolean;
  danger?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    setError(undefined);
    if (withReason && reason.trim().length < REASON_MIN) {
      setReasonError(t('staff.action.reasonRequired', { min: REASON_MIN }));
      return;
    }
    setReasonError(undefined);
    setConfirming(true);
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setDone(await onConfirm(reason.trim()));
      setReason('');
      setConfirming(false);
    } catch (caught) {
      setError(caught);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const serverReasonError = fieldMessage(error, 'reason');
  return (
    <section className="card staff-action" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`}>{title}</h3>
      {intro && <p className="muted">{intro}</p>}
      {done && (
        <div data-testid={`${testId}-done`}>
          <Notice>{done}</Notice>
        </div>
      )}
      {error !== undefined && !(error instanceof ApiError && serverReasonError) && <ErrorMessage error={error} />}
      <form onSubmit={submit} noValidate>
        <fieldset disabled={confirming || busy}>
          {fields}
          {withReason && (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('staff.action.reason')}</label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={2}
                maxLength={REASON_MAX}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                aria-invalid={reasonError || serverReasonError ? true : undefined}
                aria-describedby={`${id}-reason-hint${reasonError || serverReasonError ? ` ${id}-reason-error` : ''}`}
              />
              <small id={`${id}-reason-hint`} className="hint">
                {t('staff.action.reasonHint')}
              </small>
              {(reasonError || serverReasonError) && (
                <small id={`${id}-reason-error`} className="field-error">
                  {reasonError ?? serverReasonError}
                </small>
              )}
            </div>
          )}
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={!ready}>
            {t('staff.action.continue')}
          </button>
        </fieldset>
      </form>
      {confirming && (
        <div className="staff-confirm" role="group" aria-labelledby={`${id}-confirm`} data-testid={`${testId}-confirm`}>
          <h4 id={`${id}-confirm`} ref={confirmHeading} tabIndex={-1}>
            {t('staff.action.confirmTitle')}
          </h4>
          <p>{describe()}</p>
          {withReason && <p>{t('staff.action.confirmReason', { reason: reason.trim() })}</p>}
          <div className="row">
            <button type="button" className={danger ? 'danger' : 'primary'} onClick={() => void confirm()} disabled={busy}>
              {busy ? t('app.loading') : t('app.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** A section the services offer no staff route for yet. */
export function Unavailable({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <p className="alert alert-warn" data-testid="unavailable">
      {t('staff.unavailable', { what })}
    </p>
  );
}

/** Amounts are typed in the currency's units ("29.70" or "29,70"); the services take minor units. */
export function toMinor(typed: string): number | undefined {
  const normalised = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return undefined;
  return Math.round(Number(normalised) * 100);
}
