import { FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, idempotencyKey, post } from '../api';
import { ErrorMessage, Field, fieldMessage, LoadState, Notice, SelectField, useAction, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { MessageKey } from '../i18n/messages';
import { DaysLeftBadge, lastDayOf, loadSubscription, STATUS_KEYS, TERM_KEYS } from './home';
import {
  Catalog,
  Payment,
  PaymentMethodCode,
  PaymentMethods,
  Quote,
  QuoteExplanation,
  QuoteLine,
  sleep,
  Subscription,
  Term,
  useAccountId,
} from './portal-api';

export const METHOD_KEYS: Record<PaymentMethodCode, MessageKey> = {
  card: 'method.card',
  sepa_debit: 'method.sepa_debit',
  ach_debit: 'method.ach_debit',
  bank_transfer: 'method.bank_transfer',
  paypal: 'method.paypal',
};

/** Methods charged off-session from a saved payment method (the payment page saves it first). */
const SAVED_METHODS: PaymentMethodCode[] = ['card', 'sepa_debit', 'ach_debit'];

interface Choice {
  edition: string;
  term: Term;
  seats: number;
  paymentMethod: PaymentMethodCode;
  currency: string;
}

/** A change of edition on a paid subscription (same term); anything else is a purchase (a new period, or a prepaid extension). */
function kindOf(subscription: Subscription, choice: Choice): 'purchase' | 'change' {
  const paid = subscription.status === 'active' && !!subscription.term;
  const prepaid = choice.term.startsWith('prepaid');
  return paid &&
    !prepaid &&
    choice.term === subscription.term &&
    choice.edition !== subscription.edition &&
    choice.seats === subscription.seats
    ? 'change'
    : 'purchase';
}

function bodyOf(kind: 'purchase' | 'change', choice: Choice) {
  return kind === 'change' ? { edition: choice.edition } : { ...choice };
}

function initialChoice(subscription: Subscription, catalog: Catalog): Choice {
  const paidEditions = catalog.editions.filter((e) => Object.keys(e.prices).length > 0);
  const edition = paidEditions.some((e) => e.code === subscription.edition)
    ? subscription.edition
    : (paidEditions[0]?.code ?? '');
  const term =
    subscription.term && catalog.terms.includes(subscription.term) ? subscription.term : (catalog.terms[0] ?? 'monthly');
  const methods = catalog.paymentMethods[term] ?? [];
  const paymentMethod =
    subscription.paymentMethod && methods.includes(subscription.paymentMethod)
      ? subscription.paymentMethod
      : (methods[0] ?? 'card');
  return {
    edition,
    term,
    seats: Math.max(1, subscription.seats),
    paymentMethod,
    currency: subscription.currency || catalog.currency,
  };
}

export function SubscriptionPage() {
  const accountId = useAccountId();
  const { t } = useI18n();
  const loaded = useLoad(() => loadSubscription(accountId), [accountId]);
  return (
    <>
      <h1>{t('subscription.title')}</h1>
      <LoadState loaded={loaded}>
        {({ subscription, catalog }) =>
          subscription && catalog ? (
            <SubscriptionForm accountId={accountId} subscription={subscription} catalog={catalog} reload={loaded.reload} />
          ) : (
            <p className="card">{t('home.settingUp')}</p>
          )
        }
      </LoadState>
    </>
  );
}

function SubscriptionForm({
  accountId,
  subscription,
  catalog,
  reload,
}: {
  accountId: string;
  subscription: Subscription;
  catalog: Catalog;
  reload: () => Promise<void>;
}) {
  const { t, money, date } = useI18n();
  const [choice, setChoice] = useState<Choice>(() => initialChoice(subscription, catalog));
  const [quote, setQuote] = useState<Quote>();
  const [done, setDone] = useState<{ kind: 'purchase' | 'change'; method: PaymentMethodCode }>();
  const [approveUrl, setApproveUrl] = useState<string>();
  const editionsLegend = useId();
  const methods = useLoad(() => get<PaymentMethods>(`payments/accounts/${accountId}/payment-methods`), [accountId]);
  const kind = kindOf(subscription, choice);
  const paidEditions = catalog.editions.filter((e) => Object.keys(e.prices).length > 0);
  const edition = catalog.editions.find((e) => e.code === choice.edition);
  const currencies = [catalog.currency, ...Object.keys(edition?.pricesByCurrency ?? {})];
  const termMethods = catalog.paymentMethods[choice.term] ?? [];
  const needsSavedMethod = SAVED_METHODS.includes(choice.paymentMethod) && methods.data && !methods.data.default;

  const termLabel = (term: string) => (TERM_KEYS[term] ? t(TERM_KEYS[term]) : term);
  const update = (next: Partial<Choice>) => {
    setQuote(undefined);
    setDone(undefined);
    setChoice((current) => {
      const merged = { ...current, ...next };
      const allowed = catalog.paymentMethods[merged.term] ?? [];
      if (!allowed.includes(merged.paymentMethod)) merged.paymentMethod = allowed[0] ?? 'card';
      return merged;
    });
  };

  const quoting = useAction(async () => {
    setQuote(await post<Quote>(`subscriptions/accounts/${accountId}/subscription/quote`, { kind, ...bodyOf(kind, choice) }));
  });
  const confirming = useAction(async () => {
    await post(`subscriptions/accounts/${accountId}/subscription/${kind}`, bodyOf(kind, choice), {
      'idempotency-key': idempotencyKey(),
    });
    setDone({ kind, method: choice.paymentMethod });
    setQuote(undefined);
    await reload();
    if (kind === 'purchase' && choice.paymentMethod === 'paypal') setApproveUrl(await paypalApproveUrl(accountId));
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void quoting.run();
  };

  // T2: during the trial, another edition can be tried at no charge, without buying.
  const trialSwitch = useAction(async () => {
    await post(`subscriptions/accounts/${accountId}/subscription/change`, { edition: choice.edition });
    setDone({ kind: 'change', method: choice.paymentMethod });
    await reload();
  });
  const canSwitchTrial = subscription.status === 'trialing' && choice.edition !== subscription.edition;

  /** The purchase's own line in the page's language; other lines (charges already waiting) as subscriptions words them. */
  const describe = (line: QuoteLine, index: number): string =>
    quote?.kind === 'purchase' && index === 0 && line.periodStart && line.periodEnd
      ? t('quote.linePeriod', {
          edition: edition?.name ?? choice.edition,
          term: termLabel(choice.term),
          from: date(line.periodStart),
          to: date(lastDayOf(line.periodEnd)),
        })
      : line.description;

  /** One reason of the quote in words: amounts as money, days as dates, codes as names. */
  const explain = (item: QuoteExplanation): string => {
    const key = EXPLANATION_KEYS[item.code];
    if (!key) return item.code;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(item.values)) {
      if (name === 'amount' || name === 'unitDifference') values[name] = money(Number(value), quote?.currency ?? choice.currency);
      // Period ends are the day after the last day: the reader is shown the last day.
      else if (name === 'end' || name === 'to' || (name === 'date' && item.code === 'prepaid.expires'))
        values[name] = date(lastDayOf(String(value)));
      else if (['date', 'start', 'from', 'trialEndsOn'].includes(name)) values[name] = date(String(value));
      else if (name === 'edition') values[name] = catalog.editions.find((e) => e.code === value)?.name ?? String(value);
      else if (name === 'term')
        values[name] = TERM_KEYS[String(value)] ? t(TERM_KEYS[String(value)] as MessageKey) : String(value);
      else values[name] = value;
    }
    return t(key, values);
  };

  return (
    <>
      <section className="card" aria-labelledby="current-title">
        <h2 id="current-title">{t('subscription.current')}</h2>
        <p className="row">
          <strong>{catalog.editions.find((e) => e.code === subscription.edition)?.name ?? subscription.edition}</strong>
          <span className="badge">{t(STATUS_KEYS[subscription.status])}</span>
          <DaysLeftBadge accountId={accountId} subscription={subscription} />
        </p>
        <p className="muted">
          {subscription.status === 'trialing'
            ? t('subscription.trialUntil', { date: date(subscription.trialEndsOn) })
            : subscription.currentPeriodEnd
              ? subscription.term?.startsWith('prepaid')
                ? t('subscription.periodUntil', { date: date(lastDayOf(subscription.currentPeriodEnd)) })
                : t('subscription.renewsOn', { date: date(subscription.currentPeriodEnd) })
              : ''}
        </p>
      </section>

      <form className="card" onSubmit={submit} aria-labelledby="choose-title" data-testid="subscription-form">
        <h2 id="choose-title">{kind === 'change' ? t('subscription.changeTitle') : t('subscription.buyTitle')}</h2>
        <fieldset className="editions" aria-labelledby={editionsLegend}>
          <legend id={editionsLegend}>{t('subscription.edition')}</legend>
          <div className="grid">
            {paidEditions.map((option) => {
              const price = (choice.currency === catalog.currency ? option.prices : option.pricesByCurrency?.[choice.currency])?.[
                choice.term
              ];
              return (
                <label key={option.code} className={option.code === choice.edition ? 'edition chosen' : 'edition'}>
                  <input
                    type="radio"
                    name="edition"
                    value={option.code}
                    checked={option.code === choice.edition}
                    onChange={() => update({ edition: option.code, seats: Math.min(choice.seats, option.maxSeats) })}
                  />
                  <span className="edition-name">{option.name}</span>
                  {price !== undefined && (
                    <span className="muted">
                      {t('subscription.perSeat', { price: money(price, choice.currency), term: termLabel(choice.term) })}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
          {fieldMessage(quoting.error ?? confirming.error, 'edition') && (
            <small className="field-error">{fieldMessage(quoting.error ?? confirming.error, 'edition')}</small>
          )}
        </fieldset>
        <div className="grid">
          <SelectField
            label={t('subscription.term')}
            name="term"
            value={choice.term}
            onChange={(term) => update({ term: term as Term })}
            options={catalog.terms.map((term) => ({ value: term, label: termLabel(term) }))}
          />
          <Field
            label={t('subscription.seats')}
            type="number"
            name="seats"
            min={1}
            max={edition?.maxSeats}
            inputMode="numeric"
            required
            value={String(choice.seats)}
            error={fieldMessage(quoting.error ?? confirming.error, 'seats')}
            onChange={(e) => update({ seats: Math.max(1, Number(e.target.value) || 1) })}
          />
          <SelectField
            label={t('subscription.paymentMethod')}
            name="paymentMethod"
            value={choice.paymentMethod}
            onChange={(paymentMethod) => update({ paymentMethod: paymentMethod as PaymentMethodCode })}
            options={termMethods.map((method) => ({ value: method, label: t(METHOD_KEYS[method]) }))}
          />
          {currencies.length > 1 && (
            <SelectField
              label={t('subscription.currency')}
              name="currency"
              value={choice.currency}
              onChange={(currency) => update({ currency })}
              options={currencies.map((code) => ({ value: code, label: code }))}
            />
          )}
        </div>
        {fieldMessage(quoting.error ?? confirming.error, 'paymentMethod') && (
          <p className="field-error">{fieldMessage(quoting.error ?? confirming.error, 'paymentMethod')}</p>
        )}
        {(catalog.annualDiscountForfeitedBy ?? []).includes(choice.paymentMethod) && choice.term === 'annual' && (
          <p className="muted">{t('subscription.discountForfeited')}</p>
        )}
        {needsSavedMethod && (
          <p className="alert alert-warn" data-testid="needs-payment-method">
            {t('subscription.needsMethod')} <Link to={`/accounts/${accountId}/payment`}>{t('nav.payment')}</Link>
          </p>
        )}
        <ErrorMessage error={quoting.error ?? trialSwitch.error} />
        <p className="row">
          <button type="submit" disabled={quoting.busy} data-testid="show-quote">
            {t('subscription.showQuote')}
          </button>
          {canSwitchTrial && (
            <button type="button" disabled={trialSwitch.busy} onClick={() => void trialSwitch.run()}>
              {t('subscription.tryEdition', { edition: edition?.name ?? choice.edition })}
            </button>
          )}
        </p>
      </form>

      {quote && (
        <section className="card" aria-labelledby="quote-title" data-testid="quote">
          <h2 id="quote-title">{t('quote.title')}</h2>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t('quote.description')}</th>
                <th scope="col" className="amount">
                  {t('quote.quantity')}
                </th>
                <th scope="col" className="amount">
                  {t('quote.unit')}
                </th>
                <th scope="col" className="amount">
                  {t('quote.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {quote.lines.map((line, index) => (
                <tr key={index}>
                  <td data-label={t('quote.description')}>
                    {describe(line, index)}
                    {line.proration && <span className="badge warn">{t('quote.prorated')}</span>}
                  </td>
                  <td data-label={t('quote.quantity')} className="amount">
                    {line.quantity}
                  </td>
                  <td data-label={t('quote.unit')} className="amount">
                    {money(line.unitAmount, quote.currency)}
                  </td>
                  <td data-label={t('quote.amount')} className="amount">
                    {money(line.amount, quote.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {quote.explanation.length > 0 && (
            <ul className="explanation">
              {quote.explanation.map((item, index) => (
                <li key={index}>{explain(item)}</li>
              ))}
            </ul>
          )}
          <dl className="facts totals">
            <dt>{t('quote.total')}</dt>
            <dd data-testid="quote-total">{money(quote.total, quote.currency)}</dd>
            <dt>{t('quote.chargedNow')}</dt>
            <dd data-testid="quote-charged-now">{money(quote.chargedNow, quote.currency)}</dd>
            {quote.nextRenewal && (
              <>
                <dt>{t('quote.nextRenewal')}</dt>
                <dd>
                  {t('quote.nextRenewalValue', {
                    date: date(quote.nextRenewal.date),
                    amount: money(quote.nextRenewal.amount, quote.currency),
                  })}
                </dd>
              </>
            )}
          </dl>
          <p className="muted">{t('quote.vatNote')}</p>
          <ErrorMessage error={confirming.error} />
          <button type="button" className="primary" disabled={confirming.busy} onClick={() => void confirming.run()}>
            {kind === 'change' ? t('quote.confirmChange') : t('quote.confirmPurchase')}
          </button>
        </section>
      )}

      {done && (
        <Notice>
          <span data-testid="purchase-done">{done.kind === 'change' ? t('subscription.changed') : t(doneKey(done.method))}</span>{' '}
          {done.method === 'bank_transfer' ? (
            <Link to={`/accounts/${accountId}/payment`}>{t('payment.transferTitle')}</Link>
          ) : (
            <Link to={`/accounts/${accountId}/invoices`}>{t('nav.invoices')}</Link>
          )}
          {approveUrl && (
            <>
              {' '}
              <a href={approveUrl} data-testid="paypal-approve">
                {t('payment.paypalApprove')}
              </a>
            </>
          )}
        </Notice>
      )}
    </>
  );
}

/** The quote's reasons, by code, as subscriptions gives them. */
const EXPLANATION_KEYS: Record<string, MessageKey> = {
  'purchase.period': 'explain.purchase.period',
  'purchase.trial-ends': 'explain.purchase.trial-ends',
  'purchase.extension': 'explain.purchase.extension',
  'charges.pending-included': 'explain.charges.pending-included',
  'prepaid.expires': 'explain.prepaid.expires',
  'renewal.next': 'explain.renewal.next',
  'trial.edition-changed': 'explain.trial.edition-changed',
  'proration.credit-unused': 'explain.proration.credit-unused',
  'proration.charge-remaining': 'explain.proration.charge-remaining',
  'proration.charged-now': 'explain.proration.charged-now',
  'proration.on-next-invoice': 'explain.proration.on-next-invoice',
  'change.at-period-end': 'explain.change.at-period-end',
  'change.downgrade-cancelled': 'explain.change.downgrade-cancelled',
};

function doneKey(method: PaymentMethodCode): MessageKey {
  if (method === 'bank_transfer') return 'subscription.doneTransfer';
  if (method === 'paypal') return 'subscription.donePaypal';
  return 'subscription.donePaid';
}

/** PayPal: the payer approves the order at the link payments keeps on the processing payment. */
async function paypalApproveUrl(accountId: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const payments = await get<Payment[]>(`payments/accounts/${accountId}/payments`);
    const open = payments.find((payment) => payment.provider === 'paypal' && payment.approveUrl);
    if (open?.approveUrl) return open.approveUrl;
    await sleep(500);
  }
  return undefined;
}
