import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ValidationArtefactsMissingError } from '../errors';

/**
 * The official artefacts live outside the repository, in ../shared/validation next to the
 * repository root (libs/ubl/src or libs/ubl/dist -> ../../.. is the root). OBOLUS_VALIDATION_DIR
 * points elsewhere, e.g. in a container image.
 */
export function validationArtefactsDir(): string {
  return process.env.OBOLUS_VALIDATION_DIR ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'validation');
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
