import { useState } from 'react';
import { api, downloadUrl, get, idempotencyKey } from '../api';
import { Field, LoadState, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { StaffAction, toMinor, Unavailable } from './staff-action';
import {
  lineGross,
  optional,
  Refund,
  StaffAccount,
  StaffCreditNote,
  StaffInvoice,
  StaffPayment,
  StaffProforma,
  UNAVAILABLE,
} from './staff-api';
import { StatusBadge } from './status';

const post = <T,>(path: string, body: unknown) =>
  api<T>('POST', path, { body, headers: { 'idempotency-key': idempotencyKey() } });

/** Payments and their refunds; a refund of a whole payment or part of it (a credit note follows). */
export function PaymentsSection({ account }: { account: StaffAccount }) {
  const { t, money, date } = useI18n();
  const payments = useLoad(
    () => optional<StaffPayment[]>(`payments/accounts/${account.accountId}/payments`),
    [account.accountId],
  );
  const refunds = useLoad(() => get<Refund[]>(`payments/staff/accounts/${account.accountId}/refunds`), [account.accountId]);
  const [paymentId, setPaymentId] = useState('');
  const [amount, setAmount] = useState('');
  const amountMinor = amount.trim() ? toMinor(amount) : undefined;

  return (
    <div className="staff-section" data-testid="section-payments">
      <h2>{t('staff.section.payments')}</h2>
      <LoadState loaded={payments}>
        {(list) =>
          list === UNAVAILABLE ? (
            <Unavailable what={t('staff.payments.list')} />
          ) : list.length === 0 ? (
            <p className="card muted">{t('staff.payments.none')}</p>
          ) : (
            <table className="responsive" data-testid="payments">
              <thead>
                <tr>
                  <th scope="col">{t('staff.payments.date')}</th>
                  <th scope="col">{t('staff.payments.method')}</th>
                  <th scope="col" className="amount">
                    {t('staff.payments.amount')}
                  </th>
                  <th scope="col">{t('staff.payments.status')}</th>
                  <th scope="col">{t('staff.payments.id')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((payment) => (
                  <tr
                    key={payment.id}
                    data-testid={`payment-${payment.id}`}
                    data-method={payment.paymentMethod}
                    data-status={payment.status}
                  >
                    <td data-label={t('staff.payments.date')}>{date(payment.createdAt)}</td>
                    <td data-label={t('staff.payments.method')}>{payment.paymentMethod}</td>
                    <td data-label={t('staff.payments.amount')} className="amount">
                      {money(payment.amountMinor, payment.currency)}
                    </td>
                    <td data-label={t('staff.payments.status')}>
                      <StatusBadge status={payment.status} />
                    </td>
                    <td data-label={t('staff.payments.id')}>
                      <button
                        type="button"
                        className="link-button"
                        data-testid={`refund-from-${payment.id}`}
                        onClick={() => setPaymentId(payment.id)}
                      >
                        {t('staff.payments.pick', { id: payment.id.slice(0, 8) })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>

      <h3>{t('staff.refunds.title')}</h3>
      <LoadState loaded={refunds}>
        {(list) =>
          list.length === 0 ? (
            <p className="card muted">{t('staff.refunds.none')}</p>
          ) : (
            <table className="responsive" data-testid="refunds">
              <thead>
                <tr>
                  <th scope="col">{t('staff.payments.id')}</th>
                  <th scope="col" className="amount">
                    {t('staff.payments.amount')}
                  </th>
                  <th scope="col">{t('staff.payments.status')}</th>
                  <th scope="col">{t('staff.refunds.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((refund) => (
                  <tr key={refund.id}>
                    <td data-label={t('staff.payments.id')}>
                      <code>{refund.paymentId}</code>
                    </td>
                    <td data-label={t('staff.payments.amount')} className="amount">
                      {money(refund.amountMinor, refund.currency)}
                    </td>
                    <td data-label={t('staff.payments.status')}>
                      <StatusBadge status={refund.status} />
                    </td>
                    <td data-label={t('staff.refunds.reason')}>{refund.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>

      <StaffAction
        testId="refund"
        title={t('staff.refund.title')}
        intro={t('staff.refund.intro')}
        danger
        ready={/^[0-9a-f-]{36}$/i.test(paymentId.trim()) && (!amount.trim() || amountMinor !== undefined)}
        fields={
          <>
            <Field label={t('staff.payments.id')} value={paymentId} onChange={(event) => setPaymentId(event.target.value)} />
            <Field
              label={t('staff.refund.amount')}
              hint={t('staff.refund.amountHint')}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </>
        }
        describe={() =>
          amountMinor
            ? t('staff.refund.confirmPart', { amount: amount.trim(), id: paymentId.trim() })
            : t('staff.refund.confirmAll', { id: paymentId.trim() })
        }
        onConfirm={async (reason) => {
          const refund = await post<Refund>(`payments/staff/accounts/${account.accountId}/payments/${paymentId.trim()}/refunds`, {
            reason,
            ...(amountMinor ? { amountMinor } : {}),
          });
          await refunds.reload();
          return t('staff.refund.done', { amount: money(refund.amountMinor, refund.currency) });
        }}
      />
    </div>
  );
}

/** Invoices and credit notes with their files; a credit note for chosen lines of an invoice. */
export function InvoicesSection({ account }: { account: StaffAccount }) {
  const { t, money, date } = useI18n();
  const staffBase = `invoicing/staff/accounts/${account.accountId}`;
  // Staff read the account's documents through the customer's routes (read-only for staff tokens).
  const readBase = `invoicing/accounts/${account.accountId}`;
  const invoices = useLoad(() => optional<StaffInvoice[]>(`${readBase}/invoices`), [readBase]);
  const creditNotes = useLoad(() => get<StaffCreditNote[]>(`${staffBase}/credit-notes`), [staffBase]);
  const [invoiceId, setInvoiceId] = useState('');
  const [lines, setLines] = useState('');
  const positions = lines.trim()
    ? lines
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((line) => Number(line) - 1)
    : [];
  const validLines = positions.every((position) => Number.isInteger(position) && position >= 0 && position < 50);
  const listed = invoices.data && invoices.data !== UNAVAILABLE ? invoices.data : [];
  const chosen = listed.find((invoice) => invoice.id === invoiceId.trim());
  const filesAvailable = invoices.data !== undefined && invoices.data !== UNAVAILABLE;

  return (
    <div className="staff-section" data-testid="section-invoices">
      <h2>{t('staff.section.invoices')}</h2>
      <h3>{t('staff.invoices.title')}</h3>
      <LoadState loaded={invoices}>
        {(list) =>
          list === UNAVAILABLE ? (
            <Unavailable what={t('staff.invoices.title')} />
          ) : list.length === 0 ? (
            <p className="card muted">{t('staff.invoices.none')}</p>
          ) : (
            <table className="responsive" data-testid="invoices">
              <thead>
                <tr>
                  <th scope="col">{t('staff.invoices.number')}</th>
                  <th scope="col">{t('staff.invoices.date')}</th>
                  <th scope="col" className="amount">
                    {t('staff.invoices.total')}
                  </th>
                  <th scope="col">{t('staff.invoices.files')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((invoice) => (
                  <tr key={invoice.id} data-testid={`invoice-${invoice.number}`}>
                    <td data-label={t('staff.invoices.number')}>
                      <button type="button" className="link-button" onClick={() => setInvoiceId(invoice.id)}>
                        {invoice.number}
                      </button>
                    </td>
                    <td data-label={t('staff.invoices.date')}>{date(invoice.issueDate)}</td>
                    <td data-label={t('staff.invoices.total')} className="amount">
                      {money(invoice.totals.grossMinor, invoice.currency)}
                    </td>
                    <td data-label={t('staff.invoices.files')}>
                      <DocumentFiles
                        base={`${readBase}/invoices/${invoice.id}`}
                        number={invoice.number}
                        ro={invoice.catalog === 'ro-crm'}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>

      <h3>{t('staff.creditNotes.title')}</h3>
      <LoadState loaded={creditNotes}>
        {(list) =>
          list.length === 0 ? (
            <p className="card muted" data-testid="no-credit-notes">
              {t('staff.creditNotes.none')}
            </p>
          ) : (
            <table className="responsive" data-testid="credit-notes">
              <thead>
                <tr>
                  <th scope="col">{t('staff.invoices.number')}</th>
                  <th scope="col">{t('staff.invoices.date')}</th>
                  <th scope="col" className="amount">
                    {t('staff.invoices.total')}
                  </th>
                  <th scope="col">{t('staff.creditNotes.reason')}</th>
                  {filesAvailable && <th scope="col">{t('staff.invoices.files')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((note) => (
                  <tr key={note.id} data-testid={`credit-note-${note.number}`}>
                    <td data-label={t('staff.invoices.number')}>{note.number}</td>
                    <td data-label={t('staff.invoices.date')}>{date(note.issueDate)}</td>
                    <td data-label={t('staff.invoices.total')} className="amount">
                      {money(note.totals.grossMinor, note.currency)}
                    </td>
                    <td data-label={t('staff.creditNotes.reason')}>{note.reason ?? '—'}</td>
                    {filesAvailable && (
                      <td data-label={t('staff.invoices.files')}>
                        <DocumentFiles
                          base={`${readBase}/credit-notes/${note.id}`}
                          number={note.number}
                          ro={note.catalog === 'ro-crm'}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>

      <StaffAction
        testId="credit-lines"
        title={t('staff.creditLines.title')}
        intro={t('staff.creditLines.intro')}
        danger
        ready={/^[0-9a-f-]{36}$/i.test(invoiceId.trim()) && validLines}
        fields={
          <>
            <Field label={t('staff.invoices.id')} value={invoiceId} onChange={(event) => setInvoiceId(event.target.value)} />
            {chosen?.lines && (
              <ol className="staff-lines" aria-label={t('staff.creditLines.linesOf', { number: chosen.number })}>
                {chosen.lines.map((line, index) => (
                  <li key={index}>
                    {line.description}: {money(lineGross(line), chosen.currency)}
                  </li>
                ))}
              </ol>
            )}
            <Field
              label={t('staff.creditLines.lines')}
              hint={t('staff.creditLines.linesHint')}
              inputMode="numeric"
              value={lines}
              onChange={(event) => setLines(event.target.value)}
            />
          </>
        }
        describe={() =>
          positions.length
            ? t('staff.creditLines.confirmLines', { lines: lines.trim(), invoice: chosen?.number ?? invoiceId.trim() })
            : t('staff.creditLines.confirmAll', { invoice: chosen?.number ?? invoiceId.trim() })
        }
        onConfirm={async (reason) => {
          const note = await post<StaffCreditNote>(`${staffBase}/invoices/${invoiceId.trim()}/credit-notes`, {
            reason,
            ...(positions.length ? { lines: positions } : {}),
          });
          await creditNotes.reload();
          return t('staff.creditLines.done', { number: note.number, amount: money(note.totals.grossMinor, note.currency) });
        }}
      />
    </div>
  );
}

function DocumentFiles({ base, number, ro }: { base: string; number: string; ro: boolean }) {
  const { t } = useI18n();
  return (
    <span className="row">
      <a href={downloadUrl(`${base}/pdf`)} download aria-label={t('staff.invoices.pdfOf', { number })}>
        PDF
      </a>
      {ro && (
        <a href={downloadUrl(`${base}/xml`)} download aria-label={t('staff.invoices.xmlOf', { number })}>
          XML
        </a>
      )}
    </span>
  );
}

/** Proformas waiting for a bank transfer, and a transfer recorded by hand against its payment. */
export function TransfersSection({ account }: { account: StaffAccount }) {
  const { t, money, date } = useI18n();
  const proformas = useLoad(
    () => optional<StaffProforma[]>(`invoicing/accounts/${account.accountId}/proformas`),
    [account.accountId],
  );
  const payments = useLoad(
    () => optional<StaffPayment[]>(`payments/accounts/${account.accountId}/payments`),
    [account.accountId],
  );
  const currency = account.catalog === 'ro-crm' ? 'RON' : 'EUR';
  const [prefill, setPrefill] = useState<TransferPrefill | undefined>(undefined);
  return (
    <div className="staff-section" data-testid="section-transfers">
      <h2>{t('staff.section.transfers')}</h2>
      <LoadState loaded={payments}>
        {(list) => {
          const awaiting =
            list === UNAVAILABLE ? [] : list.filter((p) => p.paymentMethod === 'bank_transfer' && p.status !== 'succeeded');
          return awaiting.length === 0 ? null : (
            <ul data-testid="awaiting-transfers">
              {awaiting.map((payment) => (
                <li key={payment.id}>
                  {date(payment.createdAt)} · {money(payment.amountMinor, payment.currency)} ·{' '}
                  <StatusBadge status={payment.status} />{' '}
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`record-transfer-for-${payment.id}`}
                    onClick={() =>
                      setPrefill({
                        paymentId: payment.id,
                        amountMinor: payment.amountMinor,
                        currency: payment.currency,
                        receivedOn: null,
                        statementTransactionKey: '',
                      })
                    }
                  >
                    {t('staff.transfer.fromPayment', { id: payment.id.slice(0, 8) })}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </LoadState>
      <LoadState loaded={proformas}>
        {(list) =>
          list === UNAVAILABLE ? (
            <Unavailable what={t('staff.proformas.title')} />
          ) : list.length === 0 ? (
            <p className="card muted">{t('staff.proformas.none')}</p>
          ) : (
            <table className="responsive" data-testid="proformas">
              <thead>
                <tr>
                  <th scope="col">{t('staff.invoices.number')}</th>
                  <th scope="col">{t('staff.proformas.due')}</th>
                  <th scope="col" className="amount">
                    {t('staff.invoices.total')}
                  </th>
                  <th scope="col">{t('staff.proformas.reference')}</th>
                  <th scope="col">{t('staff.payments.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((proforma) => (
                  <tr key={proforma.id} data-testid={`proforma-${proforma.number}`}>
                    <td data-label={t('staff.invoices.number')}>{proforma.number}</td>
                    <td data-label={t('staff.proformas.due')}>{date(proforma.dueDate)}</td>
                    <td data-label={t('staff.invoices.total')} className="amount">
                      {money(proforma.totals.grossMinor, proforma.currency)}
                    </td>
                    <td data-label={t('staff.proformas.reference')}>{proforma.transfer?.reference ?? '—'}</td>
                    <td data-label={t('staff.payments.status')}>
                      <StatusBadge status={proforma.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <RecordTransfer key={prefill?.paymentId ?? ''} accountId={account.accountId} currency={currency} prefill={prefill} />
    </div>
  );
}

/** What a statement entry brings to the transfer form when staff resolve it. */
export interface TransferPrefill {
  accountId?: string;
  paymentId?: string;
  amountMinor: number;
  currency: string;
  receivedOn: string | null;
  reference?: string;
  payerName?: string | null;
  statementTransactionKey: string;
}

/** Records a transfer staff saw arrive, against the payment that awaits it (P2, P3). */
export function RecordTransfer({
  accountId: fixedAccount,
  currency: defaultCurrency,
  prefill,
  onDone,
}: {
  accountId?: string;
  currency: string;
  prefill?: TransferPrefill;
  onDone?: () => Promise<void>;
}) {
  const { t, money } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const [accountId, setAccountId] = useState(prefill?.accountId ?? '');
  const [paymentId, setPaymentId] = useState(prefill?.paymentId ?? '');
  const [amount, setAmount] = useState(prefill ? (prefill.amountMinor / 100).toFixed(2) : '');
  const [currency, setCurrency] = useState(prefill?.currency ?? defaultCurrency);
  const [receivedOn, setReceivedOn] = useState(prefill?.receivedOn ?? today);
  const [reference, setReference] = useState(prefill?.reference ?? '');
  const [payerName, setPayerName] = useState(prefill?.payerName ?? '');
  const account = fixedAccount ?? accountId.trim();
  const amountMinor = toMinor(amount);
  const uuid = /^[0-9a-f-]{36}$/i;
  const ready =
    uuid.test(account) &&
    uuid.test(paymentId.trim()) &&
    amountMinor !== undefined &&
    amountMinor > 0 &&
    /^[A-Z]{3}$/.test(currency) &&
    /^\d{4}-\d{2}-\d{2}$/.test(receivedOn);
  return (
    <StaffAction
      testId="record-transfer"
      title={t('staff.transfer.title')}
      intro={t('staff.transfer.intro')}
      ready={ready}
      fields={
        <>
          {!fixedAccount && (
            <Field label={t('staff.account.id')} value={accountId} onChange={(event) => setAccountId(event.target.value)} />
          )}
          <Field label={t('staff.payments.id')} value={paymentId} onChange={(event) => setPaymentId(event.target.value)} />
          <div className="grid two">
            <Field
              label={t('staff.transfer.amount')}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
            <Field
              label={t('staff.transfer.currency')}
              maxLength={3}
              value={currency}
              onChange={(event) => setCurrency(event.target.value.toUpperCase())}
            />
          </div>
          <Field
            label={t('staff.transfer.receivedOn')}
            type="date"
            value={receivedOn}
            onChange={(event) => setReceivedOn(event.target.value)}
          />
          <Field
            label={t('staff.transfer.reference')}
            hint={t('staff.transfer.referenceHint')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
          />
          <Field label={t('staff.transfer.payer')} value={payerName} onChange={(event) => setPayerName(event.target.value)} />
        </>
      }
      describe={() =>
        t('staff.transfer.confirm', {
          amount: amountMinor !== undefined ? money(amountMinor, currency) : amount,
          id: paymentId.trim(),
          date: receivedOn,
        })
      }
      onConfirm={async (reason) => {
        const answer = await post<{ payment: { status: string; receivedMinor: number; amountMinor: number; currency: string } }>(
          `payments/staff/accounts/${account}/payments/${paymentId.trim()}/transfers`,
          {
            amountMinor,
            currency,
            receivedOn,
            reason,
            ...(reference.trim() ? { reference: reference.trim() } : {}),
            ...(payerName?.trim() ? { payerName: payerName.trim() } : {}),
            ...(prefill?.statementTransactionKey ? { statementTransactionKey: prefill.statementTransactionKey } : {}),
          },
        );
        await onDone?.();
        return t('staff.transfer.done', {
          received: money(answer.payment.receivedMinor, answer.payment.currency),
          asked: money(answer.payment.amountMinor, answer.payment.currency),
          status: answer.payment.status,
        });
      }}
    />
  );
}
