import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ValidationArtefactsMissingError } from '../errors';

/**
 * The official artefacts, resolved from Maven Central and checked against pinned hashes by
 * scripts/validation-artefacts.mjs (run by npm start, npm test and the Docker build), live in
 * libs/ubl/artefacts (from libs/ubl/src/validation or libs/ubl/dist/validation, ../../artefacts).
 * OBOLUS_VALIDATION_DIR points elsewhere.
 */
export function validationArtefactsDir(): string {
  return process.env.OBOLUS_VALIDATION_DIR ?? resolve(__dirname, '..', '..', 'artefacts');
}

export interface XsdFile {
  fileName: string;
  contents: string;
}

export interface UblSchemaFiles {
  invoice: XsdFile;
  creditNote: XsdFile;
  /** The common/ modules, preloaded flat next to the main schema. */
  common: XsdFile[];
}

export function readUblSchemaFiles(dir = validationArtefactsDir()): UblSchemaFiles {
  const xsdDir = join(dir, 'ubl-2.1', 'xsd');
  try {
    // xmllint-wasm's in-memory file system has no directories, so ../common/ imports become siblings.
    const main = (name: string): XsdFile => ({
      fileName: name,
      contents: readFileSync(join(xsdDir, 'maindoc', name), 'utf8').replace(/\.\.\/common\//g, ''),
    });
    const common = readdirSync(join(xsdDir, 'common'))
      .filter((name) => name.endsWith('.xsd'))
      .map((name) => ({ fileName: name, contents: readFileSync(join(xsdDir, 'common', name), 'utf8') }));
    return { invoice: main('UBL-Invoice-2.1.xsd'), creditNote: main('UBL-CreditNote-2.1.xsd'), common };
  } catch (error) {
    throw new ValidationArtefactsMissingError(xsdDir, (error as Error).message);
  }
}

export function schematronSefPath(dir = validationArtefactsDir()): string {
  return join(dir, 'cius-ro-1.0.9', 'EN16931-CIUS_RO-UBL-validation.sef.json');
}
