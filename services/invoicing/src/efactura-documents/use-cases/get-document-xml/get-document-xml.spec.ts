import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CreditNotesWorld } from '../../../credit-notes/test-support/credit-notes-world';
import { CorrectInvoiceCommand } from '../../../credit-notes/use-cases/correct-invoice/correct-invoice.command';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { EfacturaDocumentKind, EfacturaDocuments } from '../../efactura-documents';
import { GetDocumentXmlCommand } from './get-document-xml.command';
import { GetDocumentXmlUseCase } from './get-document-xml.use-case';

/** The gateway's XML by kind and id, as it would serve it to the account's token. */
class StoredXml extends EfacturaDocuments {
  readonly asked: { kind: EfacturaDocumentKind; accountId: string; documentId: string; authorization: string }[] = [];
  async xml(kind: EfacturaDocumentKind, accountId: string, documentId: string, authorization: string): Promise<Buffer> {
    this.asked.push({ kind, accountId, documentId, authorization });
    return Buffer.from(`<${kind === 'invoice' ? 'Invoice' : 'CreditNote'}/>`);
  }
}

describe('GetDocumentXmlUseCase (I2)', () => {
  let world: CreditNotesWorld;
  let gateway: StoredXml;
  let useCase: GetDocumentXmlUseCase;

  beforeEach(() => {
    world = new CreditNotesWorld();
    gateway = new StoredXml();
    useCase = new GetDocumentXmlUseCase(world.invoicesRepository, world.creditNotesRepository, gateway);
  });

  const get = (accountId: string, kind: EfacturaDocumentKind, documentId: string) =>
    useCase.execute(
      GetDocumentXmlCommand.create({ accountId, kind, documentId, authorization: 'Bearer t' }),
      new RecordingUnitOfWork(),
    );

  it("serves a Romanian invoice's and credit note's XML from the gateway, named by the document number, with the caller's token", async () => {
    const invoice = await world.invoiced('ro-crm');
    await expect(get(invoice.accountId, 'invoice', invoice.id)).resolves.toEqual({
      filename: `${invoice.number}.xml`,
      xml: Buffer.from('<Invoice/>'),
    });
    const creditNote = await world.correctInvoiceUseCase.execute(
      CorrectInvoiceCommand.create({
        accountId: invoice.accountId,
        invoiceId: invoice.id,
        reason: 'Wrong seat count',
        idempotencyKey: 'k',
        requestedBy: 's',
        staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
        staffEmail: 'support@obolus.example',
      }),
      world.uow,
    );
    await expect(get(invoice.accountId, 'credit-note', creditNote.id)).resolves.toMatchObject({
      filename: `${creditNote.number}.xml`,
    });
    expect(gateway.asked).toEqual([
      { kind: 'invoice', accountId: invoice.accountId, documentId: invoice.id, authorization: 'Bearer t' },
      { kind: 'credit-note', accountId: invoice.accountId, documentId: creditNote.id, authorization: 'Bearer t' },
    ]);
  });

  it('has no XML for a French invoice, and no document of another account', async () => {
    const french = await world.invoiced('fr-crm');
    await expect(get(french.accountId, 'invoice', french.id)).rejects.toMatchObject({ code: InvoicingErrorCode.NoEfacturaXml });
    await expect(get(randomUUID(), 'invoice', french.id)).rejects.toMatchObject({ code: InvoicingErrorCode.InvoiceNotFound });
    await expect(get(french.accountId, 'credit-note', randomUUID())).rejects.toMatchObject({
      code: InvoicingErrorCode.CreditNoteNotFound,
    });
    expect(gateway.asked).toEqual([]);
  });
});
