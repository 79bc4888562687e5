import { FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PublicFrame } from '../components/layout';
import { ErrorMessage, Field, useAction } from '../components/ui';
import { useI18n } from '../i18n';
import { Session, useSession } from '../session';

/** Where a sign-in lands: the page asked for, when it is a path of this app, else the kind's home. */
export function landing(next: string | null, session: Session): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return session.kind === 'staff' ? '/staff' : `/accounts/${session.accountId}`;
}

export function SignInPage({ kind }: { kind: Session['kind'] }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const session = await signIn(kind, email, password);
    navigate(landing(params.get('next'), session), { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <PublicFrame>
      <form className="card narrow" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{kind === 'staff' ? t('staff.title') : t('signIn.title')}</h1>
        <ErrorMessage error={action.error} />
        <Field
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('signIn.submit')}
        </button>
        {kind === 'customer' && (
          <p className="row">
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
            <Link to="/sign-up">{t('signIn.signUp')}</Link>
          </p>
        )}
      </form>
    </PublicFrame>
  );
}
