import { downloadUrl, get } from '../api';
import { LoadState, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { CreditNote, Invoice, useAccountId } from './portal-api';

interface Document {
  kind: 'invoice' | 'credit-note';
  id: string;
  number: string;
  issueDate: string;
  currency: string;
  grossMinor: number;
  paid: boolean;
  romanian: boolean;
}

async function loadDocuments(accountId: string): Promise<Document[]> {
  const [invoices, creditNotes] = await Promise.all([
    get<Invoice[]>(`invoicing/accounts/${accountId}/invoices`),
    get<CreditNote[]>(`invoicing/accounts/${accountId}/credit-notes`),
  ]);
  const documents: Document[] = [
    ...invoices.map((invoice) => ({
      kind: 'invoice' as const,
      id: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      currency: invoice.currency,
      grossMinor: invoice.totals.grossMinor,
      paid: (invoice.totals.payableMinor ?? 0) === 0,
      romanian: invoice.catalog === 'ro-crm',
    })),
    ...creditNotes.map((note) => ({
      kind: 'credit-note' as const,
      id: note.id,
      number: note.number,
      issueDate: note.issueDate,
      currency: note.currency,
      grossMinor: -Math.abs(note.totals.grossMinor),
      paid: true,
      romanian: note.catalog === 'ro-crm',
    })),
  ];
  return documents.sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number));
}

export function InvoicesPage() {
  const accountId = useAccountId();
  const { t, money, date } = useI18n();
  const loaded = useLoad(() => loadDocuments(accountId), [accountId]);
  const pdf = (document: Document) =>
    downloadUrl(
      document.kind === 'invoice'
        ? `invoicing/accounts/${accountId}/invoices/${document.id}/pdf`
        : `invoicing/accounts/${accountId}/credit-notes/${document.id}/pdf`,
    );
  const xml = (document: Document) =>
    downloadUrl(
      document.kind === 'invoice'
        ? `efactura-gateway/accounts/${accountId}/efactura/invoices/${document.id}/xml`
        : `efactura-gateway/accounts/${accountId}/efactura/credit-notes/${document.id}/xml`,
    );
  return (
    <>
      <h1>{t('invoices.title')}</h1>
      <LoadState loaded={loaded}>
        {(documents) =>
          documents.length === 0 ? (
            <p className="card muted" data-testid="no-invoices">
              {t('invoices.none')}
            </p>
          ) : (
            <table className="responsive" data-testid="invoices">
              <caption className="visually-hidden">{t('invoices.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoices.number')}</th>
                  <th scope="col">{t('invoices.date')}</th>
                  <th scope="col" className="amount">
                    {t('invoices.total')}
                  </th>
                  <th scope="col">{t('invoices.status')}</th>
                  <th scope="col">{t('invoices.downloads')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr key={document.id} data-testid={`document-${document.number}`}>
                    <td data-label={t('invoices.number')}>
                      <strong>{document.number}</strong>
                      {document.kind === 'credit-note' && <span className="muted"> · {t('invoices.creditNote')}</span>}
                    </td>
                    <td data-label={t('invoices.date')}>{date(document.issueDate)}</td>
                    <td data-label={t('invoices.total')} className="amount">
                      {money(document.grossMinor, document.currency)}
                    </td>
                    <td data-label={t('invoices.status')}>
                      <span className={document.paid ? 'badge ok' : 'badge warn'}>
                        {document.kind === 'credit-note'
                          ? t('invoices.issued')
                          : document.paid
                            ? t('invoices.paid')
                            : t('invoices.due')}
                      </span>
                    </td>
                    <td data-label={t('invoices.downloads')}>
                      <span className="row">
                        <a
                          href={pdf(document)}
                          download={`${document.number}.pdf`}
                          aria-label={t('invoices.pdfOf', { number: document.number })}
                        >
                          PDF
                        </a>
                        {document.romanian && (
                          <a
                            href={xml(document)}
                            download={`${document.number}.xml`}
                            aria-label={t('invoices.xmlOf', { number: document.number })}
                          >
                            XML
                          </a>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </>
  );
}
