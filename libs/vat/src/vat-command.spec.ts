import { startViesSandbox, vatCommand } from './index';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await vatCommand(args, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

describe('obolus vat', () => {
  it('quotes intra-EU B2B with a verified number as reverse charge', async () => {
    const result = await run(
      'quote',
      '--seller-country',
      'FR',
      '--buyer-country',
      'DE',
      '--buyer-type',
      'business',
      '--vat-id-verified',
      'true',
      '--date',
      '2025-09-01',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ category: 'AE', ratePercent: 0, mention: { key: 'reverse-charge-intra-eu' } });
  });

  it('quotes a buyer who did not state business as an individual', async () => {
    const result = await run('quote', '--seller-country', 'FR', '--buyer-country', 'DE', '--date', '2025-09-01');
    expect(JSON.parse(result.out)).toMatchObject({ category: 'S', ratePercent: 19, mention: { key: 'oss-destination-rate' } });
  });

  it('prints a dated rate and a format check', async () => {
    expect(JSON.parse((await run('rate', '--country', 'RO', '--date', '2025-08-01')).out)).toMatchObject({
      ratePercent: '21',
      validFrom: '2025-08-01',
    });
    expect(JSON.parse((await run('check-number', 'FR82342464408')).out)).toMatchObject({ ok: true, countryCode: 'FR' });
  });

  it('checks a number against a VIES endpoint', async () => {
    const sandbox = await startViesSandbox();
    try {
      const result = await run('vies-check', 'RO14040242', '--vies-url', sandbox.url);
      expect(JSON.parse(result.out)).toMatchObject({ status: 'valid', name: 'CLIENT EXEMPLU SA' });
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    [['quote', '--seller-country', 'FR', '--buyer-country', 'DE', '--date', '2025-02-30']],
    [['quote', '--seller-country', 'US', '--buyer-country', 'DE', '--date', '2025-09-01']],
    [['quote', '--seller-country', 'FR', '--buyer-country', 'DE']],
    [['quote', '--seller-country', 'FR', '--buyer-country', 'DE', '--date', '2025-09-01', '--buyer-type', 'company']],
    [['quote', '--seller-country', 'FR', '--buyer-country', 'DE', '--date', '2025-09-01', '--vat-id-verified', 'yes']],
    [['quote', '--seller-country', 'FR', '--buyer-country', 'DE', '--date', '2025-09-01', '--currency', 'EUR']],
    [['quote', '--seller-country']],
    [['rate', '--country', 'US', '--date', '2025-09-01']],
    [['rate', '--country', 'FR', '--date', '2019-01-01']],
    [['check-number']],
    [['refund']],
    [[]],
  ])('refuses %j with one line on stderr and exit 2', async (args) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^obolus vat.*\n$/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});
