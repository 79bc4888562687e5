import { XMLParser } from 'fast-xml-parser';
import { AnafCallError } from './errors';
import { AnafMessage, MessageList, MessagePage, StatusResult, UploadResult, ValidationResult } from './types';

export const UPLOAD_NAMESPACE = 'mfp:anaf:dgti:spv:respUploadFisier:v1';
export const STATUS_NAMESPACE = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';
/** Spelled "Factuta" by ANAF itself. */
export const ERROR_FILE_NAMESPACE = 'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1';

type Attributes = Record<string, unknown>;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

// Entities are left alone: ANAF's answers have none, and expanding them is how an XML bomb works.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  isArray: (name) => localName(name) === 'Errors' || localName(name) === 'Error',
});

const unexpected = (what: string, body: string): AnafCallError =>
  new AnafCallError('unavailable', `${what} is not ANAF's answer: ${body.slice(0, 200)}`);

/** The `<header>` of one of ANAF's XML answers, checked to be in the namespace it must be in. */
function header(body: string, namespace: string, what: string): Attributes {
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch {
    throw unexpected(what, body);
  }
  // ANAF writes a default namespace; a prefixed one (`<ns2:header xmlns:ns2=…>`) is read the same.
  const [name, root] = Object.entries(parsed as Attributes).find(([key]) => localName(key) === 'header') ?? [];
  if (!name || typeof root !== 'object' || root === null) throw unexpected(what, body);
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
  const attributes = root as Attributes;
  if (attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] !== namespace) throw unexpected(what, body);
  const unprefixed: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) unprefixed[localName(key)] = value;
  return unprefixed;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * An attribute's text as ANAF wrote it: XML's five predefined entities and character references
 * decoded (`&lt;` is "<"), nothing else (no DTD entity is ever expanded).
 */
function attributeText(raw: string): string {
  return raw.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return PREDEFINED[name] ?? entity;
  });
}

function messagesOf(element: unknown): string[] {
  if (!Array.isArray(element)) return [];
  return element.map((e) => attributeText(String((e as Attributes).errorMessage ?? ''))).filter((m) => m !== '');
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** upload / uploadb2c: `ExecutionStatus="0"` with the index to poll, or `"1"` with ANAF's reasons. */
export function parseUploadAnswer(body: string): UploadResult {
  const root = header(body, UPLOAD_NAMESPACE, 'the upload answer');
  const status = text(root.ExecutionStatus);
  const dateResponse = text(root.dateResponse);
  const index = text(root.index_incarcare);
  if (status === '0' && index && dateResponse) return { accepted: true, uploadIndex: index, dateResponse };
  if (status === '1') return { accepted: false, errors: messagesOf(root.Errors), ...(dateResponse ? { dateResponse } : {}) };
  throw unexpected('the upload answer', body);
}

/** stareMesaj: the state of an upload, or why ANAF could not say. */
export function parseStatusAnswer(body: string): StatusResult {
  const root = header(body, STATUS_NAMESPACE, 'the status answer');
  const errors = messagesOf(root.Errors);
  if (errors.length > 0) return { state: 'query-error', errors };
  const stare = text(root.stare);
  const downloadId = text(root.id_descarcare);
  if (stare === 'in prelucrare') return { state: 'processing' };
  if (stare === 'XML cu erori nepreluat de sistem') return { state: 'not-taken' };
  if ((stare === 'ok' || stare === 'nok') && downloadId) return { state: stare, downloadId };
  throw unexpected('the status answer', body);
}

/** The `{index}.xml` of a rejected upload's archive: ANAF's reasons, each usually naming a rule id. */
export interface ErrorFile {
  uploadIndex?: string;
  cifEmitent?: string;
  messages: string[];
  /** The rule ids the messages name (`[BR-RO-100]`, `[BR-CO-09]`), in order, once each. */
  ruleIds: string[];
}

export function parseErrorFile(xml: string | Buffer): ErrorFile {
  const body = typeof xml === 'string' ? xml : xml.toString('utf8');
  const root = header(body, ERROR_FILE_NAMESPACE, 'the error file');
  const messages = messagesOf(root.Error);
  return {
    uploadIndex: text(root.Index_incarcare),
    cifEmitent: text(root.Cif_emitent),
    messages,
    ruleIds: ruleIdsOf(messages),
  };
}

/** The rule ids in ANAF's messages, such as "[BR-RO-100]-..." or "[UBL-SR-48]". */
export function ruleIdsOf(messages: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const message of messages)
    for (const match of message.matchAll(/\[([A-Z][A-Z0-9-]*-[A-Z0-9]+)\]/g)) if (match[1]) ids.add(match[1]);
  return [...ids];
}

function json(body: string, what: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw unexpected(what, body);
}

function message(item: unknown): AnafMessage {
  const m = (item ?? {}) as Record<string, unknown>;
  return {
    dataCreare: text(m.data_creare) ?? '',
    cif: text(m.cif) ?? '',
    idSolicitare: text(m.id_solicitare) ?? '',
    detalii: text(m.detalii) ?? '',
    tip: text(m.tip) ?? '',
    id: text(m.id) ?? '',
  };
}

function messagesIn(answer: Record<string, unknown>, body: string, what: string): AnafMessage[] {
  if (!Array.isArray(answer.mesaje)) throw unexpected(what, body);
  return answer.mesaje.map(message);
}

/** listaMesajeFactura. */
export function parseMessageList(body: string): MessageList {
  const answer = json(body, 'the message list');
  if (typeof answer.eroare === 'string') return { messages: [], error: answer.eroare };
  return { messages: messagesIn(answer, body, 'the message list') };
}

/** listaMesajePaginatieFactura (index_pagina_curenta is reported wrong by ANAF and not read). */
export function parseMessagePage(body: string): MessagePage {
  const answer = json(body, 'the message page');
  if (typeof answer.eroare === 'string') return { messages: [], error: answer.eroare, totalPages: 0, totalMessages: 0 };
  return {
    messages: messagesIn(answer, body, 'the message page'),
    totalPages: Number(answer.numar_total_pagini ?? 0),
    totalMessages: Number(answer.numar_total_inregistrari ?? 0),
  };
}

/** validare: `stare` ok or nok with ANAF's messages. */
export function parseValidationAnswer(body: string): ValidationResult {
  const answer = json(body, 'the validation answer');
  if (answer.stare !== 'ok' && answer.stare !== 'nok') throw unexpected('the validation answer', body);
  const messages = Array.isArray(answer.Messages)
    ? answer.Messages.map((m) => text((m as Record<string, unknown>)?.message) ?? '').filter((m) => m !== '')
    : [];
  return { valid: answer.stare === 'ok', messages, ...(typeof answer.trace_id === 'string' ? { traceId: answer.trace_id } : {}) };
}

/** A `{ eroare }` JSON answer (descarcare's refusals), or undefined when the body is not one. */
export function parseJsonError(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed?.eroare === 'string' ? parsed.eroare : undefined;
  } catch {
    return undefined;
  }
}
