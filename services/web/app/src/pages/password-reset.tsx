import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { post } from '../api';
import { PublicFrame } from '../components/layout';
import { ErrorMessage, Field, fieldMessage, Notice, useAction } from '../components/ui';
import { useI18n } from '../i18n';

/** A forgotten password: the address to send the reset link to (the answer is the same whether it exists or not). */
export function PasswordResetRequestPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction(async () => {
    await post('identity/auth/password-reset', { email });
    setSent(true);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <PublicFrame>
      <form className="card narrow" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('reset.requestTitle')}</h1>
        {sent ? <Notice>{t('reset.sent')}</Notice> : <p className="muted">{t('reset.requestIntro')}</p>}
        <ErrorMessage error={action.error} />
        <Field
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          error={fieldMessage(action.error, 'email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('reset.send')}
        </button>
        <p>
          <Link to="/sign-in">{t('signIn.submit')}</Link>
        </p>
      </form>
    </PublicFrame>
  );
}

/** The page of the e-mailed link (`/reset-password?token=…`): the new password. */
export function PasswordResetConfirmPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction(async () => {
    await post('identity/auth/password-reset/confirm', { token, newPassword: password });
    setDone(true);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <PublicFrame>
      <form className="card narrow" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.confirmTitle')}</h1>
        {!token && <div className="alert alert-error">{t('reset.noToken')}</div>}
        {done && (
          <Notice>
            {t('reset.done')} <Link to="/sign-in">{t('signIn.submit')}</Link>
          </Notice>
        )}
        <ErrorMessage error={action.error} />
        <Field
          label={t('reset.newPassword')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={12}
          hint={t('signUp.passwordHint')}
          value={password}
          error={fieldMessage(action.error, 'newPassword') ?? fieldMessage(action.error, 'token')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={action.busy || !token || done}>
          {t('reset.confirm')}
        </button>
      </form>
    </PublicFrame>
  );
}
