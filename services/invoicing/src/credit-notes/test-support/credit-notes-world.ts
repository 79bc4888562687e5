import { CreditNotesRepository } from '../credit-notes.repository';
import { CreditNoteIssuer } from '../credit-note-issuer';
import { InvoicePdfRenderer } from '../../invoices/pdf/invoice-pdf-renderer';
import { InvoicingWorld } from '../../test-support/invoicing-world';
import { CorrectInvoiceUseCase } from '../use-cases/correct-invoice/correct-invoice.use-case';
import { IssueRefundCreditNoteUseCase } from '../use-cases/issue-refund-credit-note/issue-refund-credit-note.use-case';
import { InMemoryCreditNotes } from './in-memory-credit-notes';

/** The invoicing world with credit notes: an issued invoice can be refunded or corrected in one call. */
export class CreditNotesWorld extends InvoicingWorld {
  readonly creditNotes = new InMemoryCreditNotes(this.invoices);
  readonly creditNotesRepository = this.creditNotes as unknown as CreditNotesRepository;
  readonly issuer = new CreditNoteIssuer(
    this.sellers,
    this.invoicesRepository,
    this.creditNotesRepository,
    this.detailsRepository,
    this.customersRepository,
    new InvoicePdfRenderer(),
    this.accountClocks,
  );
  readonly refundCreditNoteUseCase = new IssueRefundCreditNoteUseCase(this.creditNotesRepository, this.issuer);
  readonly correctInvoiceUseCase = new CorrectInvoiceUseCase(this.creditNotesRepository, this.issuer, this.clock);

  /** A customer of the catalog, paid and invoiced; answers the invoice. */
  async invoiced(catalog: 'fr-crm' | 'ro-crm' = 'ro-crm') {
    const accountId =
      catalog === 'ro-crm'
        ? await this.signUp()
        : await this.signUp({
            companyName: 'Atelier Dupont SARL',
            ownerEmail: 'paul@dupont.fr',
            country: 'FR',
            catalog,
            locale: 'fr',
          });
    await this.requestPayment(
      accountId,
      catalog === 'ro-crm'
        ? {}
        : {
            catalog,
            currency: 'EUR',
            lines: [
              { code: 'pro', description: 'Pro, 3 utilisateurs, décembre 2026', quantity: 3, unitPriceMinor: 3300 },
              { code: 'storage', description: 'Stockage supplémentaire 10 Go', quantity: 1, unitPriceMinor: 499 },
            ],
          },
    );
    const [draft] = this.draftsOf(accountId);
    await this.issueInvoice(this.payment(draft!.id));
    const invoice = [...this.invoices.invoices.values()].find((i) => i.draftId === draft!.id)!;
    return invoice;
  }
}
