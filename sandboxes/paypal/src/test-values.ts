/**
 * Test values: the payer's PayPal e-mail (typed on the approval page, or given to the approve control) decides
 * how the capture goes, the way PayPal's sandbox accounts and negative testing do. The local part is what counts,
 * so any domain works: `instrument-declined@example.com`.
 */
export const TEST_PAYER_LOCAL_PARTS = {
  /** Capture answered 422 INSTRUMENT_DECLINED; the order needs approving again, with another payer. */
  instrumentDeclined: 'instrument-declined',
  /** Capture answered 201, capture status DECLINED, order COMPLETED; PAYMENT.CAPTURE.DENIED is sent. */
  captureDeclined: 'capture-declined',
} as const;

export type CaptureOutcome = 'completed' | 'instrument-declined' | 'capture-declined';

export function captureOutcome(payerEmail: string | undefined): CaptureOutcome {
  const local = (payerEmail ?? '').split('@')[0].toLowerCase();
  if (local === TEST_PAYER_LOCAL_PARTS.instrumentDeclined) return 'instrument-declined';
  if (local === TEST_PAYER_LOCAL_PARTS.captureDeclined) return 'capture-declined';
  return 'completed';
}
