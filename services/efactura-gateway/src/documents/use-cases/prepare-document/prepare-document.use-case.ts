import { Injectable } from '@nestjs/common';
import { efacturaDeadline } from '@obolus/calendar';
import { CloudEvent, EfacturaDocumentValidatedV1, InvoiceIssuedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { buildUblXml, UblDocumentRejectedError } from '@obolus/ubl';
import { randomUUID } from 'node:crypto';
import { DocumentEntity, StoredFinding } from '../../entities/document.entity';
import { invoiceToUbl } from '../../mapping/invoice-to-ubl';
import { UblValidator } from '../../ubl-validator.provider';

/**
 * Every invoice of a Romanian seller gets its CIUS-RO XML (E1), checked with the official rules before
 * anything else may happen to it (E5), stored with its findings and its upload deadline (E2).
 */
@Injectable()
export class PrepareDocumentUseCase {
  constructor(private readonly validator: UblValidator) {}

  async execute(event: CloudEvent<InvoiceIssuedV1Data>, { manager, emit }: EventHandlerContext): Promise<void> {
    const invoice = event.data;
    if (invoice.seller.address.country !== 'RO') return;
    let xml = '';
    let findings: StoredFinding[];
    try {
      xml = buildUblXml(invoiceToUbl(invoice));
      findings = (await this.validator.validate(xml)).findings;
    } catch (error) {
      // The builder refuses a document that cannot be valid; the refusal is the finding.
      if (!(error instanceof UblDocumentRejectedError)) throw error;
      findings = [{ ruleId: error.code, severity: 'fatal', location: 'document', message: error.message }];
    }
    const valid = !findings.some((f) => f.severity === 'fatal');
    const document: DocumentEntity = {
      id: randomUUID(),
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
      createdAt: new Date(),
    };
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values(document)
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    await emit(EfacturaDocumentValidatedV1, {
      accountId: invoice.accountId,
      subject: document.id,
      data: {
        accountId: invoice.accountId,
        documentId: document.id,
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.number,
        valid,
        fatalFindings: findings.filter((f) => f.severity === 'fatal').length,
        warningFindings: findings.filter((f) => f.severity === 'warning').length,
        uploadDeadline: document.uploadDeadline,
        validatedAt: document.createdAt.toISOString(),
      },
    });
  }
}
