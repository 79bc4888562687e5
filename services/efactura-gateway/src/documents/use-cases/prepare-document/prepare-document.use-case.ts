import { Injectable } from '@nestjs/common';
import { EfacturaDocumentValidatedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { buildUblXml, UblDocumentRejectedError } from '@obolus/ubl';
import { randomUUID } from 'node:crypto';
import { DocumentsRepository } from '../../documents.repository';
import { IssuedDocument } from '../../mappers/issued-document';
import { CheckedXml, documentRow, documentValidatedData } from '../../mappers/validated-document';
import { DeadlinePlanner } from '../../../deadlines/deadline-planner';
import { SubmissionQueue } from '../../../submissions/submission-queue';
import { submissionTargetOf } from '../../../submissions/submission-target';
import { UblValidator } from '../../ubl-validator.provider';
import { PrepareDocumentCommand } from './prepare-document.command';

/**
 * Every invoice and credit note of a Romanian seller gets its CIUS-RO XML (E1), checked with the official rules before
 * anything else may happen to it (E5), stored with its findings and its upload deadline (E2), whose
 * alerts are planned with it. A valid one is queued for upload to ANAF in the same unit of work; an
 * invalid one never is.
 */
@Injectable()
export class PrepareDocumentUseCase {
  constructor(
    private readonly validator: UblValidator,
    private readonly documents: DocumentsRepository,
    private readonly clock: Clock,
    private readonly queue: SubmissionQueue,
    private readonly deadlines: DeadlinePlanner,
  ) {}

  async execute({ issued }: PrepareDocumentCommand, uow: UnitOfWork): Promise<void> {
    if (issued.seller.address.country !== 'RO') return;
    const document = documentRow(issued, await this.buildAndCheck(issued), randomUUID(), this.clock.now());
    const inserted = await this.documents.insertIfAbsent(uow, document);
    if (!inserted) return;
    await uow.emit(EfacturaDocumentValidatedV1, {
      accountId: document.accountId,
      subject: document.id,
      data: documentValidatedData(document),
    });
    await this.deadlines.plan(uow, {
      documentId: document.id,
      accountId: document.accountId,
      uploadDeadline: document.uploadDeadline,
    });
    const target = document.valid ? submissionTargetOf(issued, document.kind) : undefined;
    if (target) {
      const queued = { documentId: document.id, accountId: document.accountId, invoiceId: document.invoiceId };
      await this.queue.queue(uow, queued, target, document.createdAt);
    }
  }

  /** The XML and the official findings on it; the builder's refusal of a document that cannot be valid is the finding. */
  private async buildAndCheck(issued: IssuedDocument): Promise<CheckedXml> {
    let xml = '';
    try {
      xml = buildUblXml(issued.ubl());
      return { xml, findings: (await this.validator.validate(xml)).findings };
    } catch (error) {
      if (!(error instanceof UblDocumentRejectedError)) throw error;
      return { xml, findings: [{ ruleId: error.code, severity: 'fatal', location: 'document', message: error.message }] };
    }
  }
}
