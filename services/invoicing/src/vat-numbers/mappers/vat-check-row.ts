import { ViesCheckResult } from '@obolus/vat';
import { VatNumberCheckEntity } from '../entities/vat-number-check.entity';

/**
 * The audit row of a VIES consultation, or null when nothing was asked (a number refused by the local
 * format check never reaches VIES). VIES refusing the number's form (INVALID_INPUT) is a verdict: invalid.
 */
export function vatCheckRow(id: string, accountId: string, result: ViesCheckResult): VatNumberCheckEntity | null {
  const { consultation } = result;
  if (consultation.request === null) return null;
  const verdict =
    result.status === 'valid'
      ? { result: 'valid' as const, reason: null, traderName: result.name, traderAddress: result.address }
      : result.status === 'unavailable'
        ? { result: 'unavailable' as const, reason: result.reason, traderName: null, traderAddress: null }
        : { result: 'invalid' as const, reason: consultation.errorCode, traderName: null, traderAddress: null };
  return {
    id,
    accountId,
    countryCode: consultation.request.countryCode,
    vatNumber: consultation.request.vatNumber,
    checkedAt: new Date(consultation.checkedAt),
    ...verdict,
    requestIdentifier: consultation.requestIdentifier,
    requestDate: consultation.requestDate,
    attempts: consultation.attempts,
    httpStatus: consultation.httpStatus,
    rawResponse: consultation.response ?? null,
    responseDigest: consultation.responseDigest,
  };
}
