import { ViesCheckResult, ViesConsultation } from '@obolus/vat';
import { vatCheckRow } from './vat-check-row';

const accountId = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const consultation = (overrides: Partial<ViesConsultation> = {}): ViesConsultation => ({
  checkedAt: '2026-11-20T08:00:00.000Z',
  source: 'vies',
  request: { countryCode: 'DE', vatNumber: '108262480', requesterMemberStateId: 'FR', requesterNumber: '82342464408' },
  attempts: 1,
  httpStatus: 200,
  requestDate: '2026-11-20T08:00:00.412Z',
  requestIdentifier: 'WAPIAAAAW1234567',
  response: { valid: true },
  responseDigest: 'ab'.repeat(32),
  errorCode: null,
  ...overrides,
});

describe('vatCheckRow', () => {
  it('keeps a valid answer with its consultation number, trader details and raw answer', () => {
    const result: ViesCheckResult = {
      status: 'valid',
      countryCode: 'DE',
      vatNumber: '108262480',
      name: 'BEISPIEL GMBH',
      address: null,
      consultation: consultation(),
    };
    expect(vatCheckRow('c-1', accountId, result)).toEqual({
      id: 'c-1',
      accountId,
      countryCode: 'DE',
      vatNumber: '108262480',
      checkedAt: new Date('2026-11-20T08:00:00.000Z'),
      result: 'valid',
      reason: null,
      requestIdentifier: 'WAPIAAAAW1234567',
      requestDate: '2026-11-20T08:00:00.412Z',
      traderName: 'BEISPIEL GMBH',
      traderAddress: null,
      attempts: 1,
      httpStatus: 200,
      rawResponse: { valid: true },
      responseDigest: 'ab'.repeat(32),
    });
  });

  it('records why VIES could not say, even when the circuit kept it from being asked', () => {
    const open: ViesCheckResult = {
      status: 'unavailable',
      reason: 'CIRCUIT_OPEN',
      countryCode: 'DE',
      vatNumber: '108262480',
      consultation: consultation({ source: 'local', attempts: 0, httpStatus: null, response: null, responseDigest: null }),
    };
    expect(vatCheckRow('c-2', accountId, open)).toMatchObject({
      result: 'unavailable',
      reason: 'CIRCUIT_OPEN',
      attempts: 0,
      rawResponse: null,
    });
  });

  it("takes VIES refusing the number's form as an invalid verdict, and stores nothing VIES was never asked about", () => {
    const rejected: ViesCheckResult = {
      status: 'format-invalid',
      problem: 'rejected-by-vies',
      input: 'DE108262480',
      consultation: consultation({ httpStatus: 400, errorCode: 'INVALID_INPUT', requestIdentifier: null }),
    };
    expect(vatCheckRow('c-3', accountId, rejected)).toMatchObject({ result: 'invalid', reason: 'INVALID_INPUT' });
    const local: ViesCheckResult = {
      status: 'format-invalid',
      problem: 'checksum',
      input: 'DE108262481',
      consultation: consultation({ source: 'local', request: null }),
    };
    expect(vatCheckRow('c-4', accountId, local)).toBeNull();
  });
});
