import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentToJson } from './json-format';
import { anafExamplePath, sampleB2bInvoice } from './test-support/sample-documents';
import { ublCommand } from './ubl-command';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await ublCommand(args, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'obolus-ubl-'));
const file = (name: string, contents: string) => {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
};
const anafInvoice = anafExamplePath('eInvoice_ex.xml');

describe('obolus ubl', () => {
  it('build prints the XML of a JSON document', async () => {
    const { code, out, err } = await run('build', file('invoice.json', JSON.stringify(documentToJson(sampleB2bInvoice()))));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Invoice /);
    expect(out).toContain('<cbc:PayableAmount currencyID="RON">');
  });

  it('build names the fields of a document it refuses, and exits 1', async () => {
    const json = documentToJson({ ...sampleB2bInvoice(), buyer: { ...sampleB2bInvoice().buyer, vatId: undefined } });
    const { code, err } = await run('build', file('no-buyer-id.json', JSON.stringify(json)));
    expect(code).toBe(1);
    expect(err).toContain('UBL_DOCUMENT_INVALID');
    expect(err).toContain('buyer.legalRegistrationId:');
    expect(err).toContain('(BR-RO-120)');
  });

  it('build refuses numbers where decimal strings are expected', async () => {
    const json = documentToJson(sampleB2bInvoice(1)) as { lines: Record<string, unknown>[] };
    json.lines[0].quantity = 2;
    const { code, err } = await run('build', file('number.json', JSON.stringify(json)));
    expect(code).toBe(1);
    expect(err).toContain('lines[0].quantity: write numbers as decimal strings');
  });

  it('parse prints the model as JSON, amounts as decimal strings', async () => {
    const { code, out } = await run('parse', anafInvoice);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed).toMatchObject({
      id: '6422451356',
      issueDate: '2022-05-31',
      currency: 'RON',
      seller: { name: 'Seller SRL', vatId: 'RO1234567890' },
      buyer: { name: 'Buyer SRL', vatId: 'RO987456123', legalRegistrationId: 'J02/321/2010' },
      totals: {
        lineExtension: '34741984.11',
        taxExclusive: '34741984.11',
        taxInclusive: '41340576.71',
        payable: '41340576.71',
        taxTotal: '6598592.60',
      },
    });
    expect(parsed.lines).toHaveLength(35);
    expect(parsed.lines[0]).toMatchObject({ netAmount: '334641.38', quantity: '46396.67', price: { amount: '7.6453' } });
  });

  it('validate prints the findings and exits 1 on a fatal one', async () => {
    const { code, out } = await run('validate', anafInvoice);
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toMatch(/^fatal BR-RO-001 \/Invoice\[1\]: /);
    expect(out).toContain('invalid: 1 fatal, 0 warning(s)');
  }, 60_000);

  it.each([[[]], [['sign', 'x.xml']], [['build']], [['parse', 'a.xml', 'b.xml']], [['validate', '--yaml', 'a.xml']]])(
    'exits 2 with one line on bad arguments %j',
    async (args) => {
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain('usage: obolus ubl');
    },
  );

  it('says which file it cannot read', async () => {
    const { code, err } = await run('parse', join(dir, 'missing.xml'));
    expect(code).toBe(1);
    expect(err).toContain('cannot read');
  });
});
