import { readFile } from 'node:fs/promises';
import { buildUblXml } from './build-xml';
import { UblError } from './errors';
import { documentFromJson, documentToJson } from './json-format';
import { parseUblXml } from './parse-xml';
import { CiusRoValidator } from './validation/cius-ro-validator';

/** Where a command writes; the same shape as @obolus/cli's CliIo, declared here so ubl does not depend on the CLI. */
export interface UblCommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const USAGE = 'usage: obolus ubl build <document.json> | parse <file.xml> | validate [--json] <file.xml>';

async function readInput(path: string, io: UblCommandIo): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    io.err.write(`obolus ubl: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
}

function reportError(error: unknown, io: UblCommandIo): number {
  if (error instanceof UblError) {
    io.err.write(`obolus ubl: ${error.code}: ${error.fields.length ? 'document refused' : error.message}\n`);
    for (const problem of error.fields) io.err.write(`  ${problem.field}: ${problem.reason}\n`);
    return EXIT_FAILED;
  }
  throw error;
}

async function build(path: string, io: UblCommandIo): Promise<number> {
  const text = await readInput(path, io);
  if (text === undefined) return EXIT_FAILED;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.err.write(`obolus ubl: ${path} is not JSON: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  try {
    io.out.write(buildUblXml(documentFromJson(json)));
    io.out.write('\n');
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

async function parse(path: string, io: UblCommandIo): Promise<number> {
  const text = await readInput(path, io);
  if (text === undefined) return EXIT_FAILED;
  try {
    const { document, issues } = parseUblXml(text);
    io.out.write(`${JSON.stringify(documentToJson(document), null, 2)}\n`);
    for (const issue of issues) io.err.write(`not read: ${issue.field}: ${issue.reason}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

async function validate(path: string, json: boolean, io: UblCommandIo): Promise<number> {
  const text = await readInput(path, io);
  if (text === undefined) return EXIT_FAILED;
  try {
    const report = await CiusRoValidator.create().validate(text);
    if (json) io.out.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const f of report.findings) io.out.write(`${f.severity} ${f.ruleId} ${f.location}: ${f.message}\n`);
      const fatal = report.findings.filter((f) => f.severity === 'fatal').length;
      io.out.write(`${report.valid ? 'valid' : 'invalid'}: ${fatal} fatal, ${report.findings.length - fatal} warning(s)\n`);
    }
    return report.valid ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    return reportError(error, io);
  }
}

/** `obolus ubl ...`: build, parse and validate e-Factura documents from the command line. */
export async function ublCommand(args: string[], io: UblCommandIo): Promise<number> {
  const [verb, ...rest] = args;
  const flags = rest.filter((a) => a.startsWith('--'));
  const operands = rest.filter((a) => !a.startsWith('--'));
  const allowedFlags = verb === 'validate' ? ['--json'] : [];
  const badFlag = flags.find((f) => !allowedFlags.includes(f));
  if (!verb || !['build', 'parse', 'validate'].includes(verb) || operands.length !== 1 || badFlag) {
    const reason = badFlag
      ? `unknown option ${badFlag}`
      : verb && !['build', 'parse', 'validate'].includes(verb)
        ? `unknown command '${verb}'`
        : 'expected one file';
    io.err.write(`obolus ubl: ${reason}; ${USAGE}\n`);
    return EXIT_USAGE;
  }
  const [file] = operands;
  if (verb === 'build') return build(file, io);
  if (verb === 'parse') return parse(file, io);
  return validate(file, flags.includes('--json'), io);
}
