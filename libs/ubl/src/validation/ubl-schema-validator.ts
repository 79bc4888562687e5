import { validateXML } from 'xmllint-wasm';
import { readUblSchemaFiles, UblSchemaFiles } from './validation-artefacts';
import { ValidationFinding, XSD_RULE_ID } from './validation-finding';

interface PendingDocument {
  xml: string;
  resolve(findings: ValidationFinding[]): void;
  reject(error: unknown): void;
}

function isCreditNote(xml: string): boolean {
  // The root element's local name decides the schema; prefixes vary between senders.
  const root = /<(?:[A-Za-z_][\w.-]*:)?(Invoice|CreditNote)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return root?.[1] === 'CreditNote';
}

/**
 * Layer 1: the OASIS UBL 2.1 XSD, with xmllint compiled to WebAssembly.
 * Each xmllint run starts a worker and compiles the schemas (about 0.3 s), so documents asked
 * for while a run is in progress are validated together in the next run.
 */
export class UblSchemaValidator {
  private readonly queue: PendingDocument[] = [];
  private running = false;

  private constructor(private readonly files: UblSchemaFiles) {}

  /** Reads the schemas once; throws ValidationArtefactsMissingError when they are not there. */
  static load(dir?: string): UblSchemaValidator {
    return new UblSchemaValidator(readUblSchemaFiles(dir));
  }

  validate(xml: string): Promise<ValidationFinding[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ xml, resolve, reject });
      // Deferred, so that documents asked for in the same turn go into one xmllint run.
      queueMicrotask(() => void this.drain());
    });
  }

  validateMany(xmls: string[]): Promise<ValidationFinding[][]> {
    return Promise.all(xmls.map((xml) => this.validate(xml)));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.queue.length);
        const invoices = batch.filter((d) => !isCreditNote(d.xml));
        const creditNotes = batch.filter((d) => isCreditNote(d.xml));
        await Promise.all([this.run(invoices, this.files.invoice), this.run(creditNotes, this.files.creditNote)]);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(batch: PendingDocument[], schema: UblSchemaFiles['invoice']): Promise<void> {
    if (batch.length === 0) return;
    const names = batch.map((_, i) => `document-${i}.xml`);
    try {
      const result = await validateXML({
        xml: batch.map((d, i) => ({ fileName: names[i], contents: d.xml })),
        schema: [schema],
        preload: this.files.common,
      });
      const findings = new Map<string, ValidationFinding[]>(names.map((n) => [n, []]));
      for (const error of result.errors) {
        if (!error.loc) continue; // "document-0.xml fails to validate" summary lines
        findings.get(error.loc.fileName)?.push({
          ruleId: XSD_RULE_ID,
          severity: 'fatal',
          location: `line ${error.loc.lineNumber}`,
          message: error.message,
        });
      }
      batch.forEach((d, i) => d.resolve(findings.get(names[i]) ?? []));
    } catch (error) {
      // xmllint exits with an unexpected code when a document cannot be parsed at all.
      if (batch.length > 1) {
        for (const d of batch) await this.run([d], schema);
        return;
      }
      const message = String((error as Error).message ?? error).trim();
      batch[0].resolve([
        {
          ruleId: XSD_RULE_ID,
          severity: 'fatal',
          location: 'document',
          message: message || 'xmllint could not read the document',
        },
      ]);
    }
  }
}
