import { efacturaDeadline } from '@obolus/calendar';
import { EfacturaDocumentValidatedV1Data } from '@obolus/contracts';
import { DocumentEntity, StoredFinding } from '../entities/document.entity';
import { IssuedDocument } from './issued-document';

/** The XML built from an invoice or credit note (empty when the builder refused it) and the official checks' findings. */
export interface CheckedXml {
  xml: string;
  findings: StoredFinding[];
}

/** The stored document of an invoice or credit note: valid when no finding is fatal, due for upload by the legal deadline (E2). */
export function documentRow(issued: IssuedDocument, { xml, findings }: CheckedXml, id: string, createdAt: Date): DocumentEntity {
  const valid = !findings.some((f) => f.severity === 'fatal');
  return {
    id,
    accountId: issued.accountId,
    invoiceId: issued.sourceId,
    invoiceNumber: issued.number,
    kind: issued.kind,
    correctedInvoiceNumber: issued.correctedInvoiceNumber,
    issueDate: issued.issueDate,
    uploadDeadline: efacturaDeadline(issued.issueDate),
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
    ...(document.kind === 'credit-note' ? { kind: document.kind } : {}),
    invoiceId: document.invoiceId,
    invoiceNumber: document.invoiceNumber,
    ...(document.correctedInvoiceNumber ? { correctedInvoiceNumber: document.correctedInvoiceNumber } : {}),
    valid: document.valid,
    fatalFindings: document.findings.filter((f) => f.severity === 'fatal').length,
    warningFindings: document.findings.filter((f) => f.severity === 'warning').length,
    uploadDeadline: document.uploadDeadline,
    validatedAt: document.createdAt.toISOString(),
  };
}
