import fc from 'fast-check';
import { buildUblXml } from './build-xml';
import { completeUblDocument } from './complete-document';
import { CompleteUblDocument } from './model';
import { parseUblXml } from './parse-xml';
import { ublDocumentDraft } from './test-support/ubl-document.arbitrary';
import { CiusRoValidator } from './validation/cius-ro-validator';

const DOCUMENTS = 300;
const SEED = 20261122;

describe('generated Obolus documents', () => {
  it('parse back to the document they were built from: parse(build(d)) equals d', () => {
    fc.assert(
      fc.property(ublDocumentDraft, ({ draft }) => {
        const document = completeUblDocument(draft);
        expect(parseUblXml(buildUblXml(document))).toEqual({ document, issues: [] });
        // A completed document is complete: building it again changes nothing.
        expect(completeUblDocument(document)).toEqual(document);
      }),
      { numRuns: DOCUMENTS, seed: SEED },
    );
  });

  describe('validation with the official artefacts', () => {
    // One validator (XSD schemas read once, the SEF loaded once) for the whole file.
    let validator: CiusRoValidator;
    beforeAll(() => {
      validator = CiusRoValidator.create({ warmUp: true });
    }, 120_000);

    it(
      `${DOCUMENTS} documents of every kind pass the UBL 2.1 XSD with no fatal CIUS-RO finding`,
      async () => {
        const samples = fc.sample(ublDocumentDraft, { numRuns: DOCUMENTS, seed: SEED });
        const documents: CompleteUblDocument[] = samples.map(({ draft }) => completeUblDocument(draft));

        // The sample covers what the issue asks for.
        const categories = new Set(documents.flatMap((d) => d.vatBreakdown.map((b) => b.category)));
        expect([...categories].sort()).toEqual(['AE', 'E', 'G', 'K', 'O', 'S', 'Z']);
        expect(new Set(documents.map((d) => d.currency))).toEqual(new Set(['RON', 'EUR', 'USD']));
        const scenarios = new Set(samples.map((s) => s.meta.scenario));
        expect(scenarios.size).toBe(6);
        expect(documents.some((d) => d.buyer.legalRegistrationId === '0000000000000')).toBe(true);
        expect(documents.some((d) => /^[1-8]\d{12}$/.test(d.buyer.legalRegistrationId ?? ''))).toBe(true);
        expect(documents.some((d) => d.kind === 'creditNote')).toBe(true);
        expect(documents.some((d) => d.allowances && d.lines.some((l) => l.allowances))).toBe(true);
        expect(documents.some((d) => new Set(d.vatBreakdown.map((b) => `${b.category}${b.rate}`)).size > 2)).toBe(true);

        const failures: { id: string; findings: string[] }[] = [];
        const warnings = new Set<string>();
        for (let start = 0; start < documents.length; start += 50) {
          const chunk = documents.slice(start, start + 50);
          const reports = await validator.validateMany(chunk.map((d) => buildUblXml(d)));
          reports.forEach((report, i) => {
            report.findings.filter((f) => f.severity === 'warning').forEach((f) => warnings.add(f.ruleId));
            const fatal = report.findings.filter((f) => f.severity === 'fatal');
            if (fatal.length > 0)
              failures.push({
                id: chunk[i].id,
                findings: fatal.map((f) => `${f.ruleId} ${f.location}: ${f.message.slice(0, 160)}`),
              });
          });
        }
        expect(failures.slice(0, 5)).toEqual([]);
        expect([...warnings]).toEqual([]);
      },
      20 * 60_000,
    );
  });
});
