import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TextDecoder } from 'node:util';
import { BankStatementError } from '../bank-statement-error';

/** An element as fast-xml-parser gives it here: every child element is an array, text is '#text'. */
export type XmlNode = { [name: string]: XmlNode[] | string } | string;

/**
 * A daily statement of a busy account is a few megabytes; 20 MB leaves room for a month of them in one
 * file while refusing the 50 MB uploads meant to exhaust memory.
 */
export const DEFAULT_MAX_CAMT_BYTES = 20 * 1024 * 1024;

// Prefixes are dropped: banks write camt with a default namespace, or as ns2:, or as camt:, all meaning the same.
const xmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Numeric character references (&#x219; for ș) are decoded; named ones beyond XML's five are not.
  htmlEntities: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export interface XmlRoot {
  /** The root element's local name. */
  name: string;
  /** The namespace URI of the root element, or '' when it has none. */
  namespace: string;
  node: XmlNode;
}

function decode(xml: string | Buffer, maxBytes: number): string {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (size > maxBytes) {
    throw new BankStatementError(
      'CAMT_TOO_LARGE',
      `the file is ${size} bytes, more than the ${maxBytes} accepted`,
      '/',
      'too-large',
    );
  }
  const text = typeof xml === 'string' ? xml : decodeBytes(xml);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes are read in the encoding the XML declaration names (UTF-8 when it names none): some banks still
 * send ISO-8859-2 or windows-1250 files, where Ş and Ţ are single bytes. Bytes that are not valid in
 * that encoding are refused rather than replaced, so a payer's name is never silently garbled.
 */
function decodeBytes(bytes: Buffer): string {
  const declaration = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    bytes.subarray(0, 200).toString('latin1'),
  );
  const label = declaration?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new BankStatementError(
      'CAMT_XML_MALFORMED',
      `the declared encoding '${label}' is not supported`,
      '/',
      'unsupported-media-type',
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BankStatementError('CAMT_XML_MALFORMED', `the file is not valid ${label}`, '/');
  }
}

/**
 * A camt.053 has no use for a DTD. Refusing any DOCTYPE or ENTITY declaration before parsing closes the
 * door on entity expansion (billion laughs) and external entities (XXE) whatever the parser would do.
 */
function refuseDeclarations(text: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new BankStatementError(
      'CAMT_DOCTYPE_REFUSED',
      'DOCTYPE and ENTITY declarations are not accepted in a bank statement',
      '/',
    );
  }
}

/** A camt.053 nests about fifteen elements deep; far deeper is an attack on the parser's recursion. */
export const MAX_XML_DEPTH = 64;

/**
 * The deepest element nesting of the text, found by one linear scan of its tags (comments, CDATA and
 * declarations skipped, quoted attribute values respected). It runs before the recursive validator and
 * parser, which would otherwise overflow the stack on a deeply nested file.
 */
function refuseDeepNesting(text: string): void {
  let depth = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const skipTo = text.startsWith('<!--', at)
      ? '-->'
      : text.startsWith('<![CDATA[', at)
        ? ']]>'
        : /^<[?!]/.test(text.slice(at, at + 2))
          ? '>'
          : '';
    if (skipTo) {
      at = text.indexOf(skipTo, at);
      // Unterminated: not well-formed, which the validator reports.
      if (at < 0) return;
    } else if (text.startsWith('</', at)) depth -= 1;
    else {
      let quote = '';
      let end = at + 1;
      for (; end < text.length; end += 1) {
        const char = text[end];
        if (quote) quote = char === quote ? '' : quote;
        else if (char === '"' || char === "'") quote = char;
        else if (char === '>') break;
      }
      if (text[end - 1] !== '/') depth += 1;
      if (depth > MAX_XML_DEPTH) {
        throw new BankStatementError('CAMT_XML_MALFORMED', `elements are nested more than ${MAX_XML_DEPTH} deep`, '/');
      }
      at = end;
    }
  }
}

/** The root element's start tag, read from the text, since the parser drops namespace declarations. */
function rootNamespace(text: string): { prefix: string; namespace: string } {
  const start = /<(?![?!])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
    text.replace(/<!--[\s\S]*?-->/g, ''),
  );
  if (!start) return { prefix: '', namespace: '' };
  const [qualified, attributes] = [start[1], start[2] ?? ''];
  const prefix = qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : '';
  const wanted = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (const attr of attributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (attr[1] === wanted) return { prefix, namespace: (attr[2] ?? attr[3] ?? '').trim() };
  }
  return { prefix, namespace: '' };
}

/** Parses untrusted XML into a tree, refusing oversize input, declarations and anything not well-formed. */
export function readXml(xml: string | Buffer, maxBytes = DEFAULT_MAX_CAMT_BYTES): XmlRoot {
  const text = decode(xml, maxBytes);
  refuseDeclarations(text);
  refuseDeepNesting(text);
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    throw new BankStatementError(
      'CAMT_XML_MALFORMED',
      `not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}, column ${wellFormed.err.col})`,
      '/',
    );
  }
  const tree = xmlParser.parse(text) as Record<string, XmlNode[]>;
  const name = Object.keys(tree).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const node = name ? tree[name]?.[0] : undefined;
  if (!name || node === undefined) throw new BankStatementError('CAMT_XML_MALFORMED', 'the file has no root element', '/');
  return { name, namespace: rootNamespace(text).namespace, node };
}
