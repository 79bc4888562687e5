import { FormEvent, useState } from 'react';
import { ApiError, get, post, put } from '../api';
import { ErrorMessage, Field, fieldMessage, LoadState, Notice, SelectField, useAction, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { BillingDetails, Me, VatNumberCheck, useAccountId } from './portal-api';
import { SIGN_UP_COUNTRIES } from './sign-up';

interface Form {
  legalName: string;
  buyerType: 'business' | 'individual';
  vatNumber: string;
  companyId: string;
  tradeRegisterNumber: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  countrySubdivision: string;
  country: string;
  extraRecipients: string[];
}

/** The account's billing details, or none yet (a new account); another account's are the services' 404. */
async function loadDetails(accountId: string): Promise<{ details: BillingDetails | null; me?: Me }> {
  const me = await get<Me>('identity/me').catch(() => undefined);
  try {
    return { details: await get<BillingDetails>(`invoicing/accounts/${accountId}/billing-details`), me };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BILLING_DETAILS_NOT_FOUND') return { details: null, me };
    throw error;
  }
}

function formOf(details: BillingDetails | null, me?: Me): Form {
  return {
    legalName: details?.legalName ?? me?.companyName ?? '',
    buyerType: details?.buyerType ?? 'business',
    vatNumber: details?.vatNumber ?? '',
    companyId: details?.companyId ?? '',
    tradeRegisterNumber: details?.tradeRegisterNumber ?? '',
    line1: details?.line1 ?? '',
    line2: details?.line2 ?? '',
    city: details?.city ?? '',
    postalCode: details?.postalCode ?? '',
    countrySubdivision: details?.countrySubdivision ?? '',
    country: details?.country ?? me?.country ?? 'FR',
    extraRecipients: details?.extraRecipients ?? [],
  };
}

/** The PUT body: empty optional fields left out. */
function bodyOf(form: Form) {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    legalName: form.legalName.trim(),
    buyerType: form.buyerType,
    vatNumber: optional(form.vatNumber.replace(/\s+/g, '').toUpperCase()),
    companyId: optional(form.companyId),
    tradeRegisterNumber: optional(form.tradeRegisterNumber),
    address: {
      line1: form.line1.trim(),
      line2: optional(form.line2),
      city: form.city.trim(),
      postalCode: optional(form.postalCode),
      countrySubdivision: optional(form.countrySubdivision),
      country: form.country,
    },
    extraRecipients: form.extraRecipients,
  };
}

export function BillingPage() {
  const accountId = useAccountId();
  const { t } = useI18n();
  const loaded = useLoad(() => loadDetails(accountId), [accountId]);
  return (
    <>
      <h1>{t('billing.title')}</h1>
      <LoadState loaded={loaded}>
        {({ details, me }) => <BillingForm key={details?.line1 ?? 'new'} accountId={accountId} details={details} me={me} />}
      </LoadState>
    </>
  );
}

function BillingForm({ accountId, details, me }: { accountId: string; details: BillingDetails | null; me?: Me }) {
  const { t, locale, date } = useI18n();
  const [form, setForm] = useState<Form>(() => formOf(details, me));
  const [saved, setSaved] = useState<BillingDetails | null>(details);
  const [justSaved, setJustSaved] = useState(false);
  const [newRecipient, setNewRecipient] = useState('');
  const [check, setCheck] = useState<VatNumberCheck>();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = [...new Set([...SIGN_UP_COUNTRIES, form.country])];
  const set = (name: keyof Form) => (event: { target: { value: string } }) => {
    setJustSaved(false);
    setForm({ ...form, [name]: event.target.value });
  };

  const saving = useAction(async () => {
    setSaved(await put<BillingDetails>(`invoicing/accounts/${accountId}/billing-details`, bodyOf(form)));
    setJustSaved(true);
  });
  const checking = useAction(async () => {
    setCheck(undefined);
    setCheck(
      await post<VatNumberCheck>(`invoicing/accounts/${accountId}/billing-details/vat-number-check`, {
        vatNumber: form.vatNumber.replace(/\s+/g, '').toUpperCase(),
      }),
    );
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run();
  };
  const addRecipient = () => {
    const address = newRecipient.trim();
    if (!address || form.extraRecipients.includes(address)) return;
    setForm({ ...form, extraRecipients: [...form.extraRecipients, address] });
    setNewRecipient('');
    setJustSaved(false);
  };
  const removeRecipient = (address: string) => {
    setForm({ ...form, extraRecipients: form.extraRecipients.filter((entry) => entry !== address) });
    setJustSaved(false);
  };
  const error = saving.error;
  const recipientError = (error instanceof ApiError ? error.fields : []).find((f) =>
    (f.field ?? f.path ?? '').startsWith('extraRecipients'),
  );
  const vatStatus = check?.status ?? (saved?.vatNumber === bodyOf(form).vatNumber ? saved?.vatStatus : null);

  return (
    <form className="card" onSubmit={submit} aria-labelledby="billing-form-title" data-testid="billing-form">
      <h2 id="billing-form-title">{t('billing.company')}</h2>
      {justSaved && <Notice>{t('app.saved')}</Notice>}
      <ErrorMessage error={error} />
      <Field
        label={t('billing.legalName')}
        name="legalName"
        autoComplete="organization"
        required
        value={form.legalName}
        error={fieldMessage(error, 'legalName')}
        onChange={set('legalName')}
      />
      <SelectField
        label={t('billing.buyerType')}
        name="buyerType"
        value={form.buyerType}
        onChange={(buyerType) => setForm({ ...form, buyerType: buyerType as Form['buyerType'] })}
        options={[
          { value: 'business', label: t('billing.business') },
          { value: 'individual', label: t('billing.individual') },
        ]}
      />
      <div className="vat-check">
        <Field
          label={t('billing.vatNumber')}
          name="vatNumber"
          hint={t('billing.vatHint')}
          value={form.vatNumber}
          error={fieldMessage(error, 'vatNumber') ?? fieldMessage(checking.error, 'vatNumber')}
          onChange={(event) => {
            setCheck(undefined);
            set('vatNumber')(event);
          }}
        />
        <button type="button" disabled={!form.vatNumber.trim() || checking.busy} onClick={() => void checking.run()}>
          {t('billing.checkVat')}
        </button>
      </div>
      <div aria-live="polite" data-testid="vat-result">
        {checking.busy && <p aria-busy="true">{t('billing.checking')}</p>}
        {checking.error && !fieldMessage(checking.error, 'vatNumber') ? <ErrorMessage error={checking.error} /> : null}
        {vatStatus && (
          <div
            className={
              vatStatus === 'verified' ? 'alert alert-ok' : vatStatus === 'invalid' ? 'alert alert-error' : 'alert alert-warn'
            }
          >
            <strong>{t(`billing.vat.${vatStatus}`)}</strong>
            {check?.traderName && (
              <>
                <br />
                {t('billing.viesName', { name: check.traderName })}
              </>
            )}
            {check?.traderAddress && (
              <>
                <br />
                {t('billing.viesAddress', { address: check.traderAddress })}
              </>
            )}
            {(check?.checkedAt ?? saved?.vatCheckedAt) && (
              <>
                <br />
                <small>{t('billing.checkedAt', { date: date(check?.checkedAt ?? saved?.vatCheckedAt) })}</small>
              </>
            )}
          </div>
        )}
      </div>
      {form.country === 'RO' && (
        <div className="grid">
          <Field
            label={t('billing.companyId')}
            name="companyId"
            value={form.companyId}
            error={fieldMessage(error, 'companyId')}
            onChange={set('companyId')}
          />
          <Field
            label={t('billing.tradeRegister')}
            name="tradeRegisterNumber"
            value={form.tradeRegisterNumber}
            error={fieldMessage(error, 'tradeRegisterNumber')}
            onChange={set('tradeRegisterNumber')}
          />
        </div>
      )}

      <h2>{t('billing.address')}</h2>
      <Field
        label={t('billing.line1')}
        name="line1"
        autoComplete="address-line1"
        required
        value={form.line1}
        error={fieldMessage(error, 'address.line1')}
        onChange={set('line1')}
      />
      <Field
        label={t('billing.line2')}
        name="line2"
        autoComplete="address-line2"
        value={form.line2}
        error={fieldMessage(error, 'address.line2')}
        onChange={set('line2')}
      />
      <div className="grid">
        <Field
          label={t('billing.postalCode')}
          name="postalCode"
          autoComplete="postal-code"
          value={form.postalCode}
          error={fieldMessage(error, 'address.postalCode')}
          onChange={set('postalCode')}
        />
        <Field
          label={t('billing.city')}
          name="city"
          autoComplete="address-level2"
          required
          value={form.city}
          error={fieldMessage(error, 'address.city')}
          onChange={set('city')}
        />
        {form.country === 'RO' && (
          <Field
            label={t('billing.subdivision')}
            name="countrySubdivision"
            placeholder="RO-B"
            value={form.countrySubdivision}
            error={fieldMessage(error, 'address.countrySubdivision')}
            onChange={set('countrySubdivision')}
          />
        )}
        <SelectField
          label={t('signUp.country')}
          name="country"
          value={form.country}
          onChange={(country) => setForm({ ...form, country })}
          options={countries.map((code) => ({ value: code, label: names.of(code) ?? code }))}
        />
      </div>

      <h2 id="recipients-title">{t('billing.recipients')}</h2>
      <p className="muted">{t('billing.recipientsIntro')}</p>
      <ul className="recipients" aria-labelledby="recipients-title" data-testid="recipients">
        {form.extraRecipients.map((address) => (
          <li key={address} className="row">
            <span>{address}</span>
            <button
              type="button"
              className="link-button danger"
              aria-label={t('billing.removeRecipient', { address })}
              onClick={() => removeRecipient(address)}
            >
              {t('billing.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="row add-recipient">
        <Field
          label={t('billing.newRecipient')}
          type="email"
          name="newRecipient"
          autoComplete="off"
          value={newRecipient}
          error={recipientError ? (recipientError.message ?? recipientError.reason) : undefined}
          onChange={(event) => setNewRecipient(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addRecipient();
            }
          }}
        />
        <button type="button" onClick={addRecipient}>
          {t('billing.addRecipient')}
        </button>
      </div>
      <button type="submit" className="primary" disabled={saving.busy}>
        {t('app.save')}
      </button>
    </form>
  );
}
