// Prepares the official e-Factura validation artefacts in libs/ubl/artefacts, from Maven Central:
//   1. Maven resolves the jars named in deploy/validation/pom.xml and unpacks their schemas and rules;
//   2. every file used is checked against the SHA-256 pinned in deploy/validation/artefacts.json;
//   3. the files are laid out as @obolus/ubl reads them, with namespace-only schema imports bound to
//      the local schema files (the jars leave those imports to a Java catalog);
//   4. the CIUS-RO XSLT is compiled to a SEF for SaxonJS with xslt3 (about a minute, so it is cached
//      by the XSLT's hash and later runs skip it).
// Nothing is read from outside the repository. With `--unpacked DIR`, step 1 is skipped and DIR holds
// the unpacked jars (the Docker build does Maven in its own stage).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pomPath = join(root, 'deploy/validation/pom.xml');
const pinsPath = join(root, 'deploy/validation/artefacts.json');
const outDir = join(root, 'libs/ubl/artefacts');
const stampPath = join(outDir, '.prepared');
const sefPath = join(outDir, 'cius-ro-1.0.9/EN16931-CIUS_RO-UBL-validation.sef.json');
const sefSourcePath = `${sefPath}.source-sha256`;
const xsltPath = join(outDir, 'cius-ro-1.0.9/EN16931-CIUS_RO-UBL-validation.xslt');

const say = (line) => process.stderr.write(`validation artefacts: ${line}\n`);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const fail = (line) => {
  say(line);
  process.exit(1);
};

/** What the prepared folder must correspond to: the pom, the pins and this script. */
const recipe = sha256([pomPath, pinsPath, fileURLToPath(import.meta.url)].map((path) => readFileSync(path, 'utf8')).join('\0'));
const pins = JSON.parse(readFileSync(pinsPath, 'utf8'));

function upToDate() {
  if (!existsSync(stampPath) || readFileSync(stampPath, 'utf8').trim() !== recipe) return false;
  return pins.files.every((file) => existsSync(join(outDir, file.to))) && sefIsCurrent();
}

function sefIsCurrent() {
  return (
    existsSync(sefPath) &&
    existsSync(sefSourcePath) &&
    readFileSync(sefSourcePath, 'utf8').trim() === sha256(readFileSync(xsltPath))
  );
}

function unpackWithMaven(workDir) {
  const unpacked = join(workDir, 'unpacked');
  say('resolving the UBL 2.1 schemas and the CIUS-RO rules with Maven (first run only)');
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        pomPath,
        'dependency:unpack-dependencies',
        `-DoutputDirectory=${unpacked}`,
        `-Dvalidation.workDirectory=${join(workDir, 'maven')}`,
        '-Dmdep.overWriteReleases=true',
        '-Dmdep.unpack.includes=**/*.xsd,**/*.xslt',
      ],
      // Maven prints its errors on stdout; keep them for a failure only.
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
  } catch (error) {
    if (error.code === 'ENOENT') fail('mvn not found: Maven (and Java 17+) is needed once to fetch the artefacts');
    fail(`Maven could not resolve ${pomPath} (exit ${error.status}):\n${String(error.stdout ?? '').trim()}`);
  }
  return unpacked;
}

/** `<xsd:import namespace="X"/>` with no schemaLocation: bind it to the local file that defines X. */
function bindImports(text, to) {
  const bound = text.replace(/<xsd:import\s+namespace="([^"]+)"\s*\/>/g, (whole, namespace) => {
    const location = pins.importLocations[namespace];
    return location ? `<xsd:import namespace="${namespace}" schemaLocation="${location}"/>` : whole;
  });
  const unbound = /<xsd:import\s+namespace="([^"]+)"\s*\/>/.exec(bound);
  if (unbound) fail(`${to} imports ${unbound[1]} with no schema file to bind it to`);
  return bound;
}

function layOut(unpacked, staging) {
  const wrong = [];
  for (const file of pins.files) {
    const source = join(unpacked, file.from);
    if (!existsSync(source)) fail(`${file.from} is not in the resolved jars; is ${pomPath} what the pins expect?`);
    const bytes = readFileSync(source);
    const actual = sha256(bytes);
    if (actual !== file.sha256) wrong.push(`${file.from}: sha256 ${actual}, pinned ${file.sha256}`);
    const target = join(staging, file.to);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.to.endsWith('.xsd') ? bindImports(bytes.toString('utf8'), file.to) : bytes);
  }
  if (wrong.length > 0) fail(`refusing files that differ from the pinned ones:\n  ${wrong.join('\n  ')}`);
}

function compileSef() {
  say('compiling the CIUS-RO rules for SaxonJS (about a minute, once)');
  const xslt3 = join(dirname(require.resolve('xslt3/package.json')), 'xslt3.js');
  const partial = `${sefPath}.partial`;
  execFileSync(process.execPath, [xslt3, `-xsl:${xsltPath}`, `-export:${partial}`, '-nogo', '-t'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(partial, sefPath);
  writeFileSync(sefSourcePath, `${sha256(readFileSync(xsltPath))}\n`);
}

function main() {
  if (upToDate()) return;
  const unpackedArg = process.argv.indexOf('--unpacked');
  const workDir = mkdtempSync(join(tmpdir(), 'obolus-validation-'));
  try {
    const unpacked = unpackedArg > 0 ? process.argv[unpackedArg + 1] : unpackWithMaven(workDir);
    const previousSef = existsSync(sefPath) ? readFileSync(sefPath) : undefined;
    const previousSefSource = existsSync(sefSourcePath) ? readFileSync(sefSourcePath) : undefined;
    const staging = join(workDir, 'staging');
    layOut(unpacked, staging);
    // Swap the checked files in whole, keeping a compiled SEF whose source did not change.
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    execFileSync('cp', ['-R', staging, outDir]);
    if (previousSef && previousSefSource) {
      writeFileSync(sefPath, previousSef);
      writeFileSync(sefSourcePath, previousSefSource);
    }
    if (!sefIsCurrent()) compileSef();
    writeFileSync(stampPath, `${recipe}\n`);
    say(`ready in ${outDir.slice(root.length + 1)} (${pins.files.length} files checked against their pinned SHA-256)`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
