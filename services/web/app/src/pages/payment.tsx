import { FormEvent, useState } from 'react';
import { downloadUrl, get, post } from '../api';
import { ErrorMessage, Field, fieldMessage, LoadState, Notice, useAction, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { MessageKey } from '../i18n/messages';
import { Payment, PaymentMethods, Proforma, sleep, useAccountId } from './portal-api';

interface StripeConfig {
  stripe: { apiUrl: string; publishableKey: string };
}

interface SetupIntent {
  setupIntentId: string;
  clientSecret: string;
}

type NewMethod = 'card' | 'sepa_debit' | 'us_bank_account';

const SAVED_TYPE_KEYS: Record<string, MessageKey> = {
  card: 'method.card',
  sepa_debit: 'method.sepa_debit',
  us_bank_account: 'method.ach_debit',
};

/** A refusal from Stripe itself, shown next to the field it names. */
class StripeRefusal extends Error {
  constructor(
    message: string,
    readonly param: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Confirms a SetupIntent with Stripe directly from the browser, with the publishable key, as Stripe.js does:
 * the card or account numbers never pass through Obolus.
 */
async function confirmWithStripe(method: NewMethod, intent: SetupIntent, fields: Record<string, string>): Promise<void> {
  const { stripe } = await get<StripeConfig>('config');
  const form = new URLSearchParams({
    key: stripe.publishableKey,
    client_secret: intent.clientSecret,
    'payment_method_data[type]': method,
  });
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (method !== 'card') {
    form.set('mandate_data[customer_acceptance][type]', 'online');
    form.set('mandate_data[customer_acceptance][online][infer_from_client]', 'true');
  }
  const response = await fetch(`${stripe.apiUrl}/v1/setup_intents/${encodeURIComponent(intent.setupIntentId)}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body = (await response.json().catch(() => ({}))) as { status?: string; error?: { message?: string; param?: string } };
  if (!response.ok || body.error) throw new StripeRefusal(body.error?.message ?? `Stripe ${response.status}`, body.error?.param);
}

/** Waits until payments has recorded the method Stripe confirmed (its webhook) as the account's default. */
async function untilSaved(accountId: string, before: string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const methods = await get<PaymentMethods>(`payments/accounts/${accountId}/payment-methods`);
    if (methods.default && methods.default.id !== before) return;
    await sleep(500);
  }
}

function stripeFieldError(error: unknown, ...params: string[]): string | undefined {
  if (!(error instanceof StripeRefusal) || !error.param) return undefined;
  const param = error.param;
  return params.some((p) => param.includes(p)) ? error.message : undefined;
}

export function PaymentPage() {
  const accountId = useAccountId();
  const { t } = useI18n();
  const methods = useLoad(() => get<PaymentMethods>(`payments/accounts/${accountId}/payment-methods`), [accountId]);
  return (
    <>
      <h1>{t('payment.title')}</h1>
      <LoadState loaded={methods}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="saved-title">
              <h2 id="saved-title">{t('payment.saved')}</h2>
              {data.default ? (
                <p data-testid="saved-method">
                  <span className="badge ok">{t(SAVED_TYPE_KEYS[data.default.type] ?? 'method.card')}</span>{' '}
                  <span className="muted">{t('payment.defaultMethod')}</span>
                </p>
              ) : (
                <p className="muted" data-testid="no-saved-method">
                  {t('payment.none')}
                </p>
              )}
            </section>
            <AddMethod accountId={accountId} current={data.default?.id} onSaved={methods.reload} />
            <BankTransfer accountId={accountId} />
            <Paypal accountId={accountId} />
          </>
        )}
      </LoadState>
    </>
  );
}

function AddMethod({ accountId, current, onSaved }: { accountId: string; current?: string; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<NewMethod>('card');
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });
  const action = useAction(async () => {
    setSaved(false);
    const intent = await post<SetupIntent>(`payments/accounts/${accountId}/payment-methods/setup-intents`, {
      paymentMethodTypes: [method],
    });
    const [month, year] = value('expiry')
      .split('/')
      .map((part) => part.trim());
    const fields: Record<string, string> =
      method === 'card'
        ? {
            'payment_method_data[card][number]': value('number').replace(/\s+/g, ''),
            'payment_method_data[card][exp_month]': month ?? '',
            'payment_method_data[card][exp_year]': year && year.length === 2 ? `20${year}` : (year ?? ''),
            'payment_method_data[card][cvc]': value('cvc'),
          }
        : method === 'sepa_debit'
          ? {
              'payment_method_data[sepa_debit][iban]': value('iban').replace(/\s+/g, '').toUpperCase(),
              'payment_method_data[billing_details][name]': value('holder'),
              'payment_method_data[billing_details][email]': value('email'),
            }
          : {
              'payment_method_data[us_bank_account][routing_number]': value('routing'),
              'payment_method_data[us_bank_account][account_number]': value('account'),
              'payment_method_data[us_bank_account][account_holder_type]': 'company',
              'payment_method_data[billing_details][name]': value('holder'),
            };
    await confirmWithStripe(method, intent, fields);
    await untilSaved(accountId, current);
    setValues({});
    setSaved(true);
    await onSaved();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  const choices: { value: NewMethod; label: MessageKey }[] = [
    { value: 'card', label: 'method.card' },
    { value: 'sepa_debit', label: 'method.sepa_debit' },
    { value: 'us_bank_account', label: 'method.ach_debit' },
  ];
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-title" data-testid="add-method">
      <h2 id="add-title">{t('payment.add')}</h2>
      <fieldset className="row" aria-label={t('payment.kind')}>
        <legend className="visually-hidden">{t('payment.kind')}</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="method"
              value={choice.value}
              checked={method === choice.value}
              onChange={() => {
                setMethod(choice.value);
                setSaved(false);
              }}
            />{' '}
            {t(choice.label)}
          </label>
        ))}
      </fieldset>
      {saved && <Notice>{t('payment.methodSaved')}</Notice>}
      <ErrorMessage error={action.error} />
      {method === 'card' && (
        <>
          <Field
            label={t('payment.cardNumber')}
            name="cardnumber"
            autoComplete="cc-number"
            inputMode="numeric"
            required
            value={value('number')}
            error={stripeFieldError(action.error, 'number')}
            onChange={set('number')}
          />
          <div className="grid two">
            <Field
              label={t('payment.expiry')}
              name="cc-exp"
              autoComplete="cc-exp"
              placeholder={t('payment.expiryHint')}
              hint={t('payment.expiryHint')}
              required
              value={value('expiry')}
              error={stripeFieldError(action.error, 'exp_')}
              onChange={set('expiry')}
            />
            <Field
              label={t('payment.cvc')}
              name="cvc"
              autoComplete="cc-csc"
              inputMode="numeric"
              required
              value={value('cvc')}
              error={stripeFieldError(action.error, 'cvc')}
              onChange={set('cvc')}
            />
          </div>
        </>
      )}
      {method === 'sepa_debit' && (
        <>
          <Field
            label={t('payment.iban')}
            name="iban"
            required
            value={value('iban')}
            error={stripeFieldError(action.error, 'iban')}
            onChange={set('iban')}
          />
          <Field
            label={t('payment.holder')}
            name="holder"
            autoComplete="name"
            required
            value={value('holder')}
            onChange={set('holder')}
          />
          <Field
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={value('email')}
            onChange={set('email')}
          />
          <p className="muted">{t('payment.sepaMandate')}</p>
        </>
      )}
      {method === 'us_bank_account' && (
        <>
          <Field
            label={t('payment.routing')}
            name="routing"
            inputMode="numeric"
            required
            value={value('routing')}
            error={stripeFieldError(action.error, 'routing_number')}
            onChange={set('routing')}
          />
          <Field
            label={t('payment.accountNumber')}
            name="account"
            inputMode="numeric"
            required
            value={value('account')}
            error={stripeFieldError(action.error, 'account_number')}
            onChange={set('account')}
          />
          <Field
            label={t('payment.holder')}
            name="holder"
            autoComplete="name"
            required
            value={value('holder')}
            onChange={set('holder')}
          />
        </>
      )}
      {fieldMessage(action.error, 'paymentMethodTypes') && (
        <p className="field-error">{fieldMessage(action.error, 'paymentMethodTypes')}</p>
      )}
      <button type="submit" className="primary" disabled={action.busy}>
        {method === 'card' ? t('payment.saveCard') : t('payment.saveAccount')}
      </button>
    </form>
  );
}

/** Bank transfer (P2, P3, I4): what to pay, to whom, with which reference, and the proforma to download. */
function BankTransfer({ accountId }: { accountId: string }) {
  const { t, money, date } = useI18n();
  const proformas = useLoad(() => get<Proforma[]>(`invoicing/accounts/${accountId}/proformas`), [accountId]);
  const open = (proformas.data ?? []).filter((proforma) => proforma.status === 'open');
  return (
    <section className="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('payment.transferTitle')}</h2>
      <p className="muted">{t('payment.transferIntro')}</p>
      {proformas.error && <ErrorMessage error={proformas.error} />}
      {open.length === 0 && !proformas.loading && <p className="muted">{t('payment.noProforma')}</p>}
      {open.map((proforma) => (
        <div key={proforma.id} className="proforma" data-testid="proforma">
          <h3>{t('payment.proforma', { number: proforma.number })}</h3>
          <dl className="facts">
            <dt>{t('payment.amount')}</dt>
            <dd>{money(proforma.transfer.amountMinor, proforma.currency)}</dd>
            <dt>{t('payment.beneficiary')}</dt>
            <dd>{proforma.transfer.accountHolder}</dd>
            <dt>IBAN</dt>
            <dd className="mono">{proforma.transfer.iban}</dd>
            <dt>BIC</dt>
            <dd className="mono">{proforma.transfer.bic}</dd>
            <dt>{t('payment.reference')}</dt>
            <dd className="mono">{proforma.transfer.reference}</dd>
            <dt>{t('payment.dueDate')}</dt>
            <dd>{date(proforma.dueDate)}</dd>
          </dl>
          <p>
            <a className="button" href={downloadUrl(`invoicing/accounts/${accountId}/proformas/${proforma.id}/pdf`)} download>
              {t('payment.proformaPdf', { number: proforma.number })}
            </a>
          </p>
        </div>
      ))}
    </section>
  );
}

/** PayPal (USD annual plans): the order waiting for the payer's approval, as a link. */
function Paypal({ accountId }: { accountId: string }) {
  const { t, money } = useI18n();
  const payments = useLoad(() => get<Payment[]>(`payments/accounts/${accountId}/payments`), [accountId]);
  const waiting = (payments.data ?? []).filter((payment) => payment.provider === 'paypal' && payment.approveUrl);
  if (waiting.length === 0) return null;
  return (
    <section className="card" aria-labelledby="paypal-title">
      <h2 id="paypal-title">{t('method.paypal')}</h2>
      {waiting.map((payment) => (
        <p key={payment.id}>
          <a className="button primary" href={payment.approveUrl ?? undefined} data-testid="paypal-approve">
            {t('payment.paypalApproveAmount', { amount: money(payment.amountMinor, payment.currency) })}
          </a>
        </p>
      ))}
    </section>
  );
}
