import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../api';
import { PublicFrame } from '../components/layout';
import { ErrorMessage, Field, fieldMessage, SelectField, useAction } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** The countries offered at sign-up; the account's catalog follows from the country (Romania: ro-crm). */
export const SIGN_UP_COUNTRIES = ['FR', 'RO', 'BE', 'DE', 'ES', 'IT', 'LU', 'NL', 'PT', 'CH', 'GB', 'US'] as const;

export function catalogForCountry(country: string): 'ro-crm' | 'fr-crm' {
  return country === 'RO' ? 'ro-crm' : 'fr-crm';
}

export function SignUpPage() {
  const { t, language, locale } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [companyName, setCompanyName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [country, setCountry] = useState(language === 'ro' ? 'RO' : language === 'fr' ? 'FR' : 'GB');
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const action = useAction(async () => {
    await post('identity/accounts', {
      companyName,
      email,
      password,
      country,
      catalog: catalogForCountry(country),
      signupChannel: 'website',
      locale: language,
    });
    const session = await signIn('customer', email, password);
    navigate(`/accounts/${session.accountId}`, { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <PublicFrame>
      <form className="card narrow" onSubmit={submit} aria-labelledby="sign-up-title" noValidate>
        <h1 id="sign-up-title">{t('signUp.title')}</h1>
        <p className="muted">{t('signUp.intro')}</p>
        <ErrorMessage error={action.error} />
        <Field
          label={t('signUp.company')}
          name="companyName"
          autoComplete="organization"
          required
          value={companyName}
          error={fieldMessage(action.error, 'companyName')}
          onChange={(e) => setCompanyName(e.target.value)}
        />
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
        <Field
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint={t('signUp.passwordHint')}
          value={password}
          error={fieldMessage(action.error, 'password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SelectField
          label={t('signUp.country')}
          name="country"
          value={country}
          onChange={setCountry}
          options={SIGN_UP_COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code }))}
        />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('signUp.submit')}
        </button>
        <p>
          {t('signUp.haveAccount')} <Link to="/sign-in">{t('signIn.submit')}</Link>
        </p>
      </form>
    </PublicFrame>
  );
}
