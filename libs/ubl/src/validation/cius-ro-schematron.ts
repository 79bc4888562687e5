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
}

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
}
