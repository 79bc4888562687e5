import { DeadlineStanding } from './deadlines.repository';

/** What the deadline events say of a document not accepted by ANAF. */
export function standingStatus(standing: DeadlineStanding): 'invalid' | 'queued' | 'uploaded' | 'rejected' | 'not-queued' {
  const status = standing.submissionStatus;
  if (status === 'queued' || status === 'uploaded' || status === 'rejected') return status;
  return standing.valid ? 'not-queued' : 'invalid';
}

/** The fields every deadline event carries. */
export const deadlineRef = (standing: DeadlineStanding) => ({
  accountId: standing.accountId,
  documentId: standing.documentId,
  invoiceId: standing.invoiceId,
  invoiceNumber: standing.invoiceNumber,
  issueDate: standing.issueDate,
  uploadDeadline: standing.uploadDeadline,
  status: standingStatus(standing),
});
