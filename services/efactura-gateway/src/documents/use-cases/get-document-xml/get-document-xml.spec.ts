import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { DocumentsRepository } from '../../documents.repository';
import { EfacturaErrorCode } from '../../../efactura.errors';
import { InMemoryDocuments } from '../../test-support/in-memory-documents';
import { issuedRomanianInvoice as issuedInvoice } from '@obolus/testing';
import { StandInValidator } from '../../test-support/stand-in-validator';
import { UblValidator } from '../../ubl-validator.provider';
import { SubmissionQueue } from '../../../submissions/submission-queue';
import { inMemoryDeadlinePlanner } from '../../../deadlines/test-support/in-memory-deadline-planner';
import { RecordingSubmissionQueue } from '../../../submissions/test-support/recording-submission-queue';
import { PrepareDocumentCommand } from '../prepare-document/prepare-document.command';
import { PrepareDocumentUseCase } from '../prepare-document/prepare-document.use-case';
import { GetDocumentXmlCommand } from './get-document-xml.command';
import { GetDocumentXmlUseCase } from './get-document-xml.use-case';

describe('GetDocumentXmlUseCase', () => {
  const notFound = { code: EfacturaErrorCode.DocumentNotFound, kind: 'not-found', message: 'no e-Factura XML for this invoice' };

  it("serves an invoice's XML named after its number, and 404 for another account or a refused document", async () => {
    const repository = new InMemoryDocuments() as unknown as DocumentsRepository;
    const clock = new SettableClock();
    const uow = new RecordingUnitOfWork(clock);
    const prepare = new PrepareDocumentUseCase(
      new StandInValidator() as unknown as UblValidator,
      repository,
      clock,
      new RecordingSubmissionQueue() as unknown as SubmissionQueue,
      inMemoryDeadlinePlanner(clock),
    );
    const invoice = issuedInvoice();
    const refused = { ...issuedInvoice(), invoiceId: '9b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11' };
    refused.buyer = { legalName: 'Firma Fără Cod SRL', buyerType: 'business', address: invoice.buyer.address };
    await prepare.execute(PrepareDocumentCommand.create({ invoice }), uow);
    await prepare.execute(PrepareDocumentCommand.create({ invoice: refused }), uow);
    const get = new GetDocumentXmlUseCase(repository);

    const file = await get.execute(
      GetDocumentXmlCommand.create({ accountId: invoice.accountId, invoiceId: invoice.invoiceId }),
      uow,
    );
    expect(file.filename).toBe('OBRO-2026-000001.xml');
    expect(file.xml).toContain('<cbc:ID>OBRO-2026-000001</cbc:ID>');
    await expect(
      get.execute(
        GetDocumentXmlCommand.create({ accountId: '7b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11', invoiceId: invoice.invoiceId }),
        uow,
      ),
    ).rejects.toMatchObject(notFound);
    await expect(
      get.execute(GetDocumentXmlCommand.create({ accountId: invoice.accountId, invoiceId: refused.invoiceId }), uow),
    ).rejects.toMatchObject(notFound);
  });
});
