import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { post } from '../../api';
import { PublicFrame } from '../../components/layout';
import { Field, fieldMessage, Notice, useAction } from '../../components/ui';
import { useI18n } from '../../i18n';
import { FormError } from './common';

interface Joined {
  accountId: string;
  userId: string;
}

/**
 * The page of the invitation e-mail's link (`/accept-invitation?token=…`, as identity writes it): the invited
 * person gives their name and chooses a password, then signs in.
 */
export function AcceptInvitationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [joined, setJoined] = useState<Joined>();
  const accept = useAction(async () => {
    setJoined(await post<Joined>('identity/invitations/accept', { token, name, password }));
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void accept.run();
  };
  const tokenError = fieldMessage(accept.error, 'token');
  return (
    <PublicFrame>
      <form
        className="card narrow"
        onSubmit={submit}
        aria-labelledby="accept-title"
        data-testid="accept-invitation-form"
        noValidate
      >
        <h1 id="accept-title">{t('accept.title')}</h1>
        {joined ? (
          <>
            <Notice>{t('accept.done')}</Notice>
            <Link
              className="button primary"
              to={`/sign-in?next=${encodeURIComponent(`/accounts/${joined.accountId}`)}`}
              data-testid="accept-sign-in"
            >
              {t('accept.signIn')}
            </Link>
          </>
        ) : !token ? (
          <div className="alert alert-error" role="alert">
            {t('accept.noToken')}
          </div>
        ) : (
          <>
            <p>{t('accept.intro')}</p>
            {tokenError && (
              <div className="alert alert-error" role="alert">
                {t('accept.badToken')}
              </div>
            )}
            <FormError error={accept.error} fields={['token', 'name', 'password']} />
            <Field
              label={t('accept.name')}
              name="name"
              autoComplete="name"
              required
              value={name}
              error={fieldMessage(accept.error, 'name')}
              data-testid="accept-name"
              onChange={(event) => setName(event.target.value)}
            />
            <Field
              label={t('accept.password')}
              type="password"
              name="password"
              autoComplete="new-password"
              required
              minLength={12}
              hint={t('accept.passwordHint')}
              value={password}
              error={fieldMessage(accept.error, 'password')}
              data-testid="accept-password"
              onChange={(event) => setPassword(event.target.value)}
            />
            <button type="submit" className="primary" disabled={accept.busy} data-testid="accept-submit">
              {t('accept.submit')}
            </button>
          </>
        )}
      </form>
    </PublicFrame>
  );
}
