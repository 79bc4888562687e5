import { CII_NAMESPACE, UBL_CREDIT_NOTE_NAMESPACE, UBL_INVOICE_NAMESPACE, rootElement } from './document-facts';
import { errorFile } from './anaf-xml';
import type { MessageStore, Standard, Upload, Verdict } from './messages';
import { fatalMessages } from './rule-messages';
import type { DocumentValidator } from '../options';
import { anafMinute } from '../romanian-time';

const EXPECTED_ROOT: Record<Exclude<Standard, 'RASP'>, { localName: string; namespace: string }> = {
  UBL: { localName: 'Invoice', namespace: UBL_INVOICE_NAMESPACE },
  CN: { localName: 'CreditNote', namespace: UBL_CREDIT_NOTE_NAMESPACE },
  CII: { localName: 'CrossIndustryInvoice', namespace: CII_NAMESPACE },
};

/** The message a test gives the next uploads to be rejected with, unless it names its own. */
export const DEFAULT_FORCED_REJECTION =
  'E: validari globale  SCHEMATRON   eroare: [SANDBOX-REJECT]-Factura respinsa la cererea testului (sandbox ANAF)';

export interface ProcessingSettings {
  now: () => number;
  validator: () => DocumentValidator;
  listingDelayMs: () => number;
}

/**
 * Uploads are processed asynchronously, as at ANAF: validation starts at once, and an upload stays
 * `in prelucrare` until both its validation has finished and its processing delay has passed on the
 * sandbox clock. The end is recorded lazily, by `settleDue`, which every request runs first.
 */
export class Processing {
  private readonly validations = new Map<number, Promise<void>>();
  private forcedRejections: string[][] = [];

  constructor(
    private readonly store: MessageStore,
    private readonly settings: ProcessingSettings,
  ) {}

  /** The next `count` uploads are rejected (nok) with these messages, whatever their content. */
  rejectNext(count: number, errors: string[]): void {
    for (let i = 0; i < count; i += 1) this.forcedRejections.push(errors.length > 0 ? errors : [DEFAULT_FORCED_REJECTION]);
  }

  pendingRejections(): number {
    return this.forcedRejections.length;
  }

  start(upload: Upload): void {
    const forced = upload.standard === 'RASP' ? undefined : this.forcedRejections.shift();
    const decided = this.verdictOf(upload, forced).then(
      (verdict) => verdict,
      (error: unknown): Verdict => ({
        stare: 'nok',
        errors: [`A aparut o eroare tehnica. Cod: SANDBOX-VALIDATOR (${error instanceof Error ? error.message : String(error)})`],
      }),
    );
    const done = decided.then((verdict) => {
      upload.verdict = { ...verdict, at: this.settings.now() };
      this.validations.delete(upload.index);
    });
    this.validations.set(upload.index, done);
  }

  private async verdictOf(upload: Upload, forced: string[] | undefined): Promise<Verdict> {
    const xml = upload.xml.toString('utf8');
    if (upload.standard !== 'RASP') {
      const expected = EXPECTED_ROOT[upload.standard];
      const root = rootElement(xml);
      if (root?.localName !== expected.localName || root.namespace !== expected.namespace) {
        return { stare: 'XML cu erori nepreluat de sistem', errors: [] };
      }
    }
    if (forced) return { stare: 'nok', errors: forced };
    // CII and RASP: well-formedness (checked at upload) and the root element only; the official
    // rules Obolus carries are the UBL ones.
    if (upload.standard !== 'UBL' && upload.standard !== 'CN') return { stare: 'ok', errors: [] };
    const errors = fatalMessages(await this.settings.validator().validate(xml));
    return errors.length > 0 ? { stare: 'nok', errors } : { stare: 'ok', errors: [] };
  }

  /** Ends the processing of every upload whose validation is done and whose delay has passed. */
  settleDue(): void {
    const now = this.settings.now();
    for (const upload of this.store.uploads.values()) {
      if (upload.result || !upload.verdict || upload.readyAt > now) continue;
      this.finish(upload, upload.verdict, Math.max(upload.readyAt, upload.verdict.at));
    }
  }

  private finish(upload: Upload, validated: Verdict, at: number): void {
    let verdict = validated;
    const duplicate = verdict.stare === 'ok' ? this.store.duplicateOf(upload) : undefined;
    if (duplicate) {
      verdict = {
        stare: 'nok',
        errors: [
          `Factura a mai fost transmisa anterior cu index=${duplicate.index} si data incarcare=${anafMinute(duplicate.receivedAt)}`,
        ],
      };
    }
    const document =
      verdict.stare === 'nok'
        ? Buffer.from(errorFile(upload.index, upload.sellerCif ?? upload.cif, verdict.errors), 'utf8')
        : upload.xml;
    this.store.finish(upload, verdict, document, at, this.settings.listingDelayMs());
  }

  /**
   * Test control: ends processing now for one upload (or all pending ones), once their validation is
   * done. Returns the uploads it ended.
   */
  async advance(index?: number): Promise<Upload[]> {
    const now = this.settings.now();
    const targets = [...this.store.uploads.values()].filter((u) => !u.result && (index === undefined || u.index === index));
    for (const upload of targets) upload.readyAt = Math.min(upload.readyAt, now);
    await Promise.all(targets.map((u) => this.validations.get(u.index)));
    this.settleDue();
    return targets;
  }

  /** Resolves when every validation started so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.validations.values()]);
  }

  clear(): void {
    this.forcedRejections = [];
  }
}
