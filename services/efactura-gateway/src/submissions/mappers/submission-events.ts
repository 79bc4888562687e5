import {
  ANAF_MESSAGE_MAX_LENGTH,
  ANAF_MESSAGES_IN_EVENT,
  EfacturaSubmissionAcceptedV1Data,
  EfacturaSubmissionRejectedV1Data,
} from '@obolus/contracts';
import { createHash } from 'node:crypto';
import { Submission } from '../submissions.repository';

type Settled = Pick<Submission, 'documentId' | 'accountId' | 'invoiceId' | 'cif'>;

const ref = (submission: Settled, invoiceNumber: string) => ({
  accountId: submission.accountId,
  documentId: submission.documentId,
  invoiceId: submission.invoiceId,
  invoiceNumber,
  cif: submission.cif,
});

/** What `efactura.submission.accepted` tells: ANAF's ids and the fingerprint of the archived ZIP. */
export function submissionAcceptedData(
  submission: Settled,
  invoiceNumber: string,
  answer: { uploadIndex: string; downloadId: string; zip: Buffer },
  at: Date,
): EfacturaSubmissionAcceptedV1Data {
  return {
    ...ref(submission, invoiceNumber),
    uploadIndex: answer.uploadIndex,
    downloadId: answer.downloadId,
    archiveSha256: createHash('sha256').update(answer.zip).digest('hex'),
    acceptedAt: at.toISOString(),
  };
}

/**
 * What `efactura.submission.rejected` tells: ANAF's first messages as it wrote them (all of them stay
 * on the submission, shown by its route) and how many there were.
 */
export function submissionRejectedData(
  submission: Settled,
  invoiceNumber: string,
  answer: { uploadIndex: string | null; downloadId: string | null; messages: string[]; ruleIds: string[] },
  at: Date,
): EfacturaSubmissionRejectedV1Data {
  return {
    ...ref(submission, invoiceNumber),
    uploadIndex: answer.uploadIndex,
    downloadId: answer.downloadId,
    messages: answer.messages.slice(0, ANAF_MESSAGES_IN_EVENT).map((m) => m.slice(0, ANAF_MESSAGE_MAX_LENGTH)),
    messageCount: answer.messages.length,
    ruleIds: answer.ruleIds.slice(0, ANAF_MESSAGES_IN_EVENT).map((id) => id.slice(0, 100)),
    rejectedAt: at.toISOString(),
  };
}
