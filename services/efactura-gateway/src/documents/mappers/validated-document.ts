import { efacturaDeadline } from '@obolus/calendar';
import { EfacturaDocumentValidatedV1Data, InvoiceIssuedV1Data } from '@obolus/contracts';
import { DocumentEntity, StoredFinding } from '../entities/document.entity';

/** The XML built from an invoice (empty when the builder refused it) and the official checks' findings. */
export interface CheckedXml {
  xml: string;
  findings: StoredFinding[];
}

/** The stored document of an invoice: valid when no finding is fatal, due for upload by the legal deadline (E2). */
export function documentRow(
  invoice: InvoiceIssuedV1Data,
  { xml, findings }: CheckedXml,
  id: string,
  createdAt: Date,
): DocumentEntity {
  const valid = !findings.some((f) => f.severity === 'fatal');
  return {
    id,
    accountId: invoice.accountId,
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.number,
    kind: 'invoice',
    issueDate: invoice.issueDate,
    uploadDeadline: efacturaDeadline(invoice.issueDate),
    xml,
    valid,
    findings,
    status: valid ? 'valid' : 'invalid',
    createdAt,
  };
}

/** What `efactura.document.validated` tells: the verdict and how many findings of each severity. */
export function documentValidatedData(document: DocumentEntity): EfacturaDocumentValidatedV1Data {
  return {
    accountId: document.accountId,
    documentId: document.id,
    invoiceId: document.invoiceId,
    invoiceNumber: document.invoiceNumber,
    valid: document.valid,
    fatalFindings: document.findings.filter((f) => f.severity === 'fatal').length,
    warningFindings: document.findings.filter((f) => f.severity === 'warning').length,
    uploadDeadline: document.uploadDeadline,
    validatedAt: document.createdAt.toISOString(),
  };
}
