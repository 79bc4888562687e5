import type { Stare } from './anaf-xml';

export type Standard = 'UBL' | 'CN' | 'CII' | 'RASP';
export type UploadEndpoint = 'upload' | 'uploadb2c';

/** The list filter each message answers to: E errors, T sent, P received, R buyer messages. */
export type MessageFilter = 'E' | 'T' | 'P' | 'R';

export const MESSAGE_TYPES: Record<MessageFilter, string> = {
  E: 'ERORI FACTURA',
  T: 'FACTURA TRIMISA',
  P: 'FACTURA PRIMITA',
  R: 'MESAJ CUMPARATOR PRIMIT / MESAJ CUMPARATOR TRANSMIS',
};

/** What processing decided about an upload. */
export interface Verdict {
  stare: Exclude<Stare, 'in prelucrare'>;
  /** For nok: the error file's messages. */
  errors: string[];
}

export interface Upload {
  index: number;
  /** The `cif` parameter: who uploaded. */
  cif: string;
  standard: Standard;
  endpoint: UploadEndpoint;
  flags: { extern: boolean; autofactura: boolean; executare: boolean };
  xml: Buffer;
  receivedAt: number;
  /** When processing may end on the sandbox clock; validation must also have finished. */
  readyAt: number;
  /** Set once validation finished, with the sandbox time it finished at. */
  verdict?: Verdict & { at: number };
  /** Set once processing ended: what stareMesaj answers from then on. */
  result?: { stare: Verdict['stare']; downloadId?: number; at: number };
  sellerCif?: string;
  buyerCif?: string;
  number?: string;
  issueDate?: string;
}

/** One archive `descarcare` serves: the invoice (or the error file) and its signature. */
export interface Download {
  id: number;
  index: number;
  /** The `{index}.xml` entry. */
  document: Buffer;
  /** CUIs allowed to download it: the issuer, and the buyer of an accepted invoice. */
  cifs: string[];
  createdAt: number;
  /** Test control (enqueueSupplierInvoice's `archive`): served as it is instead of the built ZIP. */
  servedArchive?: Buffer;
}

/** One row of listaMesaje*, as ANAF lists it for one CUI. */
export interface Message {
  cif: string;
  filter: MessageFilter;
  downloadId: number;
  index: number;
  detalii: string;
  createdAt: number;
  /** The lists show a message some time after processing (ANAF: seconds to ~15 minutes). */
  visibleAt: number;
}

/** Numbers in ANAF's ranges, so that clients treating them as strings or longs see realistic values. */
const FIRST_INDEX = 5_001_000_001;
const FIRST_DOWNLOAD_ID = 3_001_000_001;

/** The sandbox's e-Factura memory: uploads, their archives and the messages each CUI sees. */
export class MessageStore {
  readonly uploads = new Map<number, Upload>();
  readonly downloads = new Map<number, Download>();
  readonly messages: Message[] = [];
  private nextIndex = FIRST_INDEX;
  private nextDownloadId = FIRST_DOWNLOAD_ID;

  newIndex(): number {
    return this.nextIndex++;
  }

  add(upload: Upload): Upload {
    this.uploads.set(upload.index, upload);
    return upload;
  }

  /** Records the end of processing: the archive, and the messages of issuer and buyer. */
  finish(upload: Upload, verdict: Verdict, document: Buffer, at: number, listingDelayMs: number): void {
    if (verdict.stare === 'XML cu erori nepreluat de sistem') {
      upload.result = { stare: verdict.stare, at };
      return;
    }
    const issuer = upload.sellerCif ?? upload.cif;
    const accepted = verdict.stare === 'ok';
    const buyer = accepted ? upload.buyerCif : undefined;
    const download: Download = {
      id: this.nextDownloadId++,
      index: upload.index,
      document,
      cifs: [...new Set([upload.cif, issuer, ...(buyer ? [buyer] : [])])],
      createdAt: at,
    };
    this.downloads.set(download.id, download);
    upload.result = { stare: verdict.stare, downloadId: download.id, at };
    const message = (cif: string, filter: MessageFilter, detalii: string): void => {
      this.messages.push({
        cif,
        filter,
        downloadId: download.id,
        index: upload.index,
        detalii,
        createdAt: at,
        visibleAt: at + listingDelayMs,
      });
    };
    if (upload.standard === 'RASP') {
      message(upload.cif, 'R', `Mesaj cumparator transmis cu id_incarcare=${upload.index} de cif=${upload.cif}`);
      return;
    }
    if (!accepted) {
      message(upload.cif, 'E', `Erori de validare identificate la factura primita cu id_incarcare=${upload.index}`);
      return;
    }
    const detalii = `Factura cu id_incarcare=${upload.index} emisa de cif_emitent=${issuer} pentru cif_beneficiar=${upload.buyerCif ?? ''}`;
    message(upload.cif, 'T', detalii);
    if (buyer && buyer !== upload.cif) message(buyer, 'P', detalii);
  }

  /** An earlier accepted upload of the same document by the same issuer: ANAF answers it with nok. */
  duplicateOf(upload: Upload): Upload | undefined {
    if (!upload.number || !upload.issueDate) return undefined;
    for (const earlier of this.uploads.values()) {
      if (earlier.index === upload.index || earlier.result?.stare !== 'ok') continue;
      if (
        earlier.cif === upload.cif &&
        earlier.standard === upload.standard &&
        earlier.number === upload.number &&
        earlier.issueDate === upload.issueDate
      ) {
        return earlier;
      }
    }
    return undefined;
  }

  clear(): void {
    this.uploads.clear();
    this.downloads.clear();
    this.messages.length = 0;
  }
}
