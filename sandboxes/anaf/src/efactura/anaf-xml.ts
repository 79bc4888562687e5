import { escapeXml } from '../http';
import { anafMinute } from '../romanian-time';

export const UPLOAD_NAMESPACE = 'mfp:anaf:dgti:spv:respUploadFisier:v1';
export const STATUS_NAMESPACE = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';
/** Spelled "Factuta" by ANAF itself. */
export const ERROR_FILE_NAMESPACE = 'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1';

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function errors(element: string, messages: readonly string[]): string {
  return messages.map((message) => `<${element} errorMessage="${escapeXml(message)}"/>`).join('');
}

export function uploadAccepted(index: number, now: number): string {
  return `${PROLOG}<header xmlns="${UPLOAD_NAMESPACE}" dateResponse="${anafMinute(now)}" ExecutionStatus="0" index_incarcare="${index}"/>`;
}

export function uploadRefused(messages: readonly string[], now: number): string {
  return `${PROLOG}<header xmlns="${UPLOAD_NAMESPACE}" dateResponse="${anafMinute(now)}" ExecutionStatus="1">${errors('Errors', messages)}</header>`;
}

export type Stare = 'ok' | 'nok' | 'in prelucrare' | 'XML cu erori nepreluat de sistem';

export function statusHeader(stare: Stare, downloadId?: number): string {
  const id = downloadId === undefined ? '' : ` id_descarcare="${downloadId}"`;
  return `${PROLOG}<header xmlns="${STATUS_NAMESPACE}" stare="${stare}"${id}/>`;
}

export function statusError(message: string): string {
  return `${PROLOG}<header xmlns="${STATUS_NAMESPACE}">${errors('Errors', [message])}</header>`;
}

/** The `{index}.xml` of a rejected upload's archive. */
export function errorFile(index: number, cifEmitent: string, messages: readonly string[]): string {
  return `${PROLOG}<header xmlns="${ERROR_FILE_NAMESPACE}" Index_incarcare="${index}" Cif_emitent="${escapeXml(cifEmitent)}">${errors('Error', messages)}</header>`;
}
