import { assertEventData, EfacturaSubmissionAcceptedV1, EfacturaSubmissionRejectedV1 } from '@obolus/contracts';
import { createHash } from 'node:crypto';
import { submissionAcceptedData, submissionRejectedData } from './submission-events';

const submission = {
  documentId: '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceId: '2d9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  cif: '14040242',
};
const at = new Date('2026-12-23T10:00:00.000Z');

describe('submission events', () => {
  it('fingerprints the archived ZIP in the acceptance', () => {
    const zip = Buffer.from('PK\u0003\u0004 archive');
    const data = submissionAcceptedData(submission, 'OBRO-1', { uploadIndex: '5001', downloadId: '3001', zip }, at);
    expect(data.archiveSha256).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(() => assertEventData(EfacturaSubmissionAcceptedV1, data)).not.toThrow();
  });

  it("carries ANAF's first messages as written, and how many there were, within the contract's size", () => {
    const messages = Array.from({ length: 45 }, (_, i) => `E: [BR-RO-${i}] ${'<b>x</b>'.repeat(200)}`);
    const data = submissionRejectedData(
      submission,
      'OBRO-1',
      { uploadIndex: null, downloadId: null, messages, ruleIds: messages.map((_, i) => `BR-RO-${i}`) },
      at,
    );
    expect(data.messageCount).toBe(45);
    expect(data.messages).toHaveLength(20);
    expect(data.messages[0]).toBe(messages[0]!.slice(0, 1000));
    expect(data.uploadIndex).toBeNull();
    expect(() => assertEventData(EfacturaSubmissionRejectedV1, data)).not.toThrow();
  });
});
