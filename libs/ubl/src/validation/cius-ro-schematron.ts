import { readFileSync } from 'node:fs';
import { ValidationArtefactsMissingError } from '../errors';
import { schematronSefPath, validationArtefactsDir } from './validation-artefacts';
import { FindingSeverity, ValidationFinding } from './validation-finding';

/** The part of the SaxonJS 2 API used here (the package ships no types). */
interface SaxonJsApi {
  transform(
    options: { stylesheetInternal: unknown; sourceText: string; destination: 'serialized' },
    mode: 'sync',
  ): { principalResult: string };
  transform(
    options: { stylesheetInternal: unknown; initialSelection: unknown[]; destination: 'raw' },
    mode: 'sync',
  ): { principalResult: SvrlNode | SvrlNode[] };
  XPath: { evaluate(xpath: string, contextItem: null, options: { params: Record<string, string> }): unknown };
}

/** The DOM-like nodes SaxonJS returns for a raw result. */
interface SvrlNode {
  nodeType: number;
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  childNodes: ArrayLike<SvrlNode>;
  getAttribute(name: string): string | null;
}

const SVRL_NS = 'http://purl.oclc.org/dsdl/svrl';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxon = (): SaxonJsApi => require('saxon-js') as SaxonJsApi;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const unescapeXml = (text: string): string =>
  text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity]);

function attributeOf(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? unescapeXml(match[1]) : undefined;
}

/** "/*:Invoice[namespace-uri()='…'][1]/*:Note[namespace-uri()='…'][2]" -> "/Invoice[1]/Note[2]". */
function simplifyLocation(xpath: string): string {
  return xpath.replace(/\[namespace-uri\(\)='[^']*'\]/g, '').replace(/\*:/g, '');
}

/** Reads failed asserts and successful reports (CIUS-RO writes some rules as reports) from SVRL. */
export function findingsFromSvrl(svrl: string): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const pattern = /<svrl:(failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:\1>/g;
  for (let match = pattern.exec(svrl); match; match = pattern.exec(svrl)) {
    const attributes = match[2];
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[3])?.[1] ?? '';
    const flag = attributeOf(attributes, 'flag');
    findings.push({
      ruleId: attributeOf(attributes, 'id') ?? 'schematron',
      severity: (flag === 'warning' || flag === 'information' ? 'warning' : 'fatal') as FindingSeverity,
      location: simplifyLocation(attributeOf(attributes, 'location') ?? ''),
      message: unescapeXml(text).replace(/\s+/g, ' ').trim(),
    });
  }
  return findings;
}

const svrlChildren = (node: SvrlNode, names: string[]): SvrlNode[] =>
  Array.from(node.childNodes).filter((c) => c.nodeType === 1 && c.namespaceURI === SVRL_NS && names.includes(c.localName));

/**
 * The same findings as findingsFromSvrl, read from the SVRL tree SaxonJS built, without serializing
 * it and parsing the text back.
 */
export function findingsFromSvrlTree(output: SvrlNode): ValidationFinding[] {
  return svrlChildren(output, ['failed-assert', 'successful-report']).map((node) => {
    const flag = node.getAttribute('flag') ?? undefined;
    const [text] = svrlChildren(node, ['text']);
    return {
      ruleId: node.getAttribute('id') ?? 'schematron',
      severity: (flag === 'warning' || flag === 'information' ? 'warning' : 'fatal') as FindingSeverity,
      location: simplifyLocation(node.getAttribute('location') ?? ''),
      message: (text?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/**
 * Layer 2: the EN 16931 + CIUS-RO 1.0.9 schematron, run by SaxonJS from the precompiled SEF.
 * The SEF (7 MB) is read and the first run warms SaxonJS up (about 2 s), so there is one
 * instance per process and artefact directory.
 */
export class CiusRoSchematron {
  private static readonly loaded = new Map<string, CiusRoSchematron>();

  private constructor(private readonly stylesheet: unknown) {}

  static load(dir = validationArtefactsDir()): CiusRoSchematron {
    const cached = CiusRoSchematron.loaded.get(dir);
    if (cached) return cached;
    const path = schematronSefPath(dir);
    let stylesheet: unknown;
    try {
      stylesheet = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ValidationArtefactsMissingError(path, (error as Error).message);
    }
    const instance = new CiusRoSchematron(stylesheet);
    CiusRoSchematron.loaded.set(dir, instance);
    return instance;
  }

  /** Runs the rules synchronously; the SVRL findings of one document. */
  check(xml: string): ValidationFinding[] {
    const result = saxon().transform({ stylesheetInternal: this.stylesheet, sourceText: xml, destination: 'serialized' }, 'sync');
    return findingsFromSvrl(result.principalResult);
  }

  /**
   * Runs the rules on several documents in one transformation: each call of SaxonJS walks the whole
   * 7 MB stylesheet tree to set up its run (about a third of the time of a 10-line invoice), and the
   * SVRL of each document is read from the tree instead of serialized and parsed again. Each document
   * is its own initial match item, so every rule sees only its own document (the rules address the
   * document through the context node's root, never through the global context item). A document
   * the rules cannot run on fails the whole transformation; the documents are then checked one by one
   * with check(), so each gets the outcome the per-document path gives it.
   */
  checkMany(xmls: string[]): Array<ValidationFinding[] | Error> {
    if (xmls.length === 0) return [];
    const api = saxon();
    try {
      const documents = xmls.map((xml) => api.XPath.evaluate('parse-xml($xml)', null, { params: { xml } }));
      const result = api.transform(
        { stylesheetInternal: this.stylesheet, initialSelection: documents, destination: 'raw' },
        'sync',
      );
      const outputs = Array.isArray(result.principalResult) ? result.principalResult : [result.principalResult];
      if (outputs.length !== xmls.length) throw new Error(`${outputs.length} SVRL outputs for ${xmls.length} documents`);
      return outputs.map((output) => findingsFromSvrlTree(output));
    } catch {
      return xmls.map((xml) => {
        try {
          return this.check(xml);
        } catch (single) {
          return single as Error;
        }
      });
    }
  }
}
