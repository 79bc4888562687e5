import { useId, useState } from 'react';
import { api, get } from '../api';
import { LoadState, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { RecordTransfer, TransferPrefill } from './account-money';
import { StaffShell } from './shell';
import { StaffAction } from './staff-action';
import { UnmatchedEntry } from './staff-api';

interface StatementImport {
  alreadyRecorded: boolean;
  statements: { entries?: { outcome?: string }[]; matched?: number; unmatched?: number }[];
}

/** camt.053 statements (P2, P3): upload one, then resolve what matched no payment by recording it by hand. */
export function StaffBankStatementsPage() {
  const { t, money, date } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const unmatched = useLoad(() => get<UnmatchedEntry[]>('payments/staff/bank-statements/unmatched'), []);
  const [resolving, setResolving] = useState<TransferPrefill>();

  return (
    <StaffShell>
      <h1>{t('staff.statements.title')}</h1>
      <StaffAction
        testId="upload-statement"
        title={t('staff.statements.upload')}
        intro={t('staff.statements.intro')}
        ready={file !== undefined}
        fields={
          <div className="field">
            <label htmlFor={fileId}>{t('staff.statements.file')}</label>
            <input
              id={fileId}
              type="file"
              accept=".xml,application/xml,text/xml"
              onChange={(event) => setFile(event.target.files?.[0])}
            />
          </div>
        }
        describe={() => t('staff.statements.confirm', { name: file?.name ?? '' })}
        onConfirm={async (reason) => {
          const result = await api<StatementImport>(
            'POST',
            `payments/staff/bank-statements?reason=${encodeURIComponent(reason)}`,
            {
              raw: file,
              headers: { 'content-type': 'application/xml' },
            },
          );
          await unmatched.reload();
          const entries = result.statements.flatMap((statement) => statement.entries ?? []);
          return result.alreadyRecorded
            ? t('staff.statements.already')
            : t('staff.statements.done', { statements: result.statements.length, entries: entries.length });
        }}
      />

      <section aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">{t('staff.statements.unmatched')}</h2>
        <LoadState loaded={unmatched}>
          {(list) =>
            list.length === 0 ? (
              <p className="card muted" data-testid="no-unmatched">
                {t('staff.statements.noUnmatched')}
              </p>
            ) : (
              <table className="responsive" data-testid="unmatched">
                <thead>
                  <tr>
                    <th scope="col">{t('staff.statements.booked')}</th>
                    <th scope="col">{t('staff.transfer.payer')}</th>
                    <th scope="col" className="amount">
                      {t('staff.payments.amount')}
                    </th>
                    <th scope="col">{t('staff.statements.references')}</th>
                    <th scope="col">{t('staff.statements.why')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('staff.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((entry) => (
                    <tr key={`${entry.statement.id}/${entry.transactionKey}`}>
                      <td data-label={t('staff.statements.booked')}>{date(entry.bookingDate)}</td>
                      <td data-label={t('staff.transfer.payer')}>{entry.payerName ?? '—'}</td>
                      <td data-label={t('staff.payments.amount')} className="amount">
                        {money(entry.amountMinor, entry.currency)}
                      </td>
                      <td data-label={t('staff.statements.references')}>{entry.references.join(', ') || '—'}</td>
                      <td data-label={t('staff.statements.why')}>{entry.detail ?? entry.reason ?? '—'}</td>
                      <td data-label={t('staff.actions')}>
                        <button
                          type="button"
                          onClick={() =>
                            setResolving({
                              amountMinor: entry.amountMinor,
                              currency: entry.currency,
                              receivedOn: entry.bookingDate,
                              payerName: entry.payerName,
                              paymentId: entry.candidatePaymentIds[0],
                              statementTransactionKey: entry.transactionKey,
                            })
                          }
                        >
                          {t('staff.statements.resolve')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </LoadState>
      </section>
      {resolving && (
        <RecordTransfer
          key={resolving.statementTransactionKey}
          currency={resolving.currency}
          prefill={resolving}
          onDone={() => unmatched.reload()}
        />
      )}
    </StaffShell>
  );
}
