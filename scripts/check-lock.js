// Checks package-lock.json before anything is installed, so a broken lock fails loudly and names its cause:
// every package entry has a version, and every package.json (root and workspaces) agrees with the lock.
// Plain CommonJS with no dependencies: it runs before node_modules exists.
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** Problems with a parsed lock, given a reader of the package.json files it describes (by folder). */
function lockProblems(lock, readManifest) {
  const problems = [];
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`);
  const packages = lock.packages ?? {};
  if (!packages['']) return [...problems, 'the lock has no root package entry ("packages[\\"\\"]")'];
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link) continue;
    if (typeof entry.version !== 'string' || entry.version.trim() === '') {
      problems.push(`${path} has no version`);
    }
  }
  const folders = ['', ...Object.keys(packages).filter((path) => path !== '' && !path.includes('node_modules/'))];
  for (const folder of folders) {
    const manifest = readManifest(folder);
    const where = folder === '' ? 'package.json' : `${folder}/package.json`;
    if (!manifest) {
      problems.push(`the lock lists workspace ${folder}, but ${where} does not exist`);
      continue;
    }
    const locked = packages[folder];
    for (const field of DEPENDENCY_FIELDS) {
      const wanted = manifest[field] ?? {};
      const recorded = locked[field] ?? {};
      for (const [name, spec] of Object.entries(wanted)) {
        if (!Object.hasOwn(recorded, name)) problems.push(`${where} ${field} has ${name}@${spec}, the lock does not`);
        else if (recorded[name] !== spec) problems.push(`${where} ${field} has ${name}@${spec}, the lock has ${recorded[name]}`);
      }
      for (const name of Object.keys(recorded)) {
        if (!Object.hasOwn(wanted, name)) problems.push(`the lock has ${name} in ${where} ${field}, package.json does not`);
      }
    }
  }
  const declaredWorkspaces = JSON.stringify(readManifest('')?.workspaces ?? []);
  if (JSON.stringify(packages[''].workspaces ?? []) !== declaredWorkspaces) {
    problems.push(`package.json workspaces ${declaredWorkspaces} differ from the lock's`);
  }
  return problems;
}

function checkRepository(root) {
  const lockPath = join(root, 'package-lock.json');
  if (!existsSync(lockPath)) return ['package-lock.json is missing'];
  let lock;
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch (error) {
    return [`package-lock.json is not JSON: ${error.message}`];
  }
  const readManifest = (folder) => {
    const path = join(root, folder, 'package.json');
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  };
  return lockProblems(lock, readManifest);
}

module.exports = { lockProblems, checkRepository };

if (require.main === module) {
  const problems = checkRepository(join(__dirname, '..'));
  if (problems.length > 0) {
    process.stderr.write(`package-lock.json is broken (${problems.length} problem(s)); regenerate it with \`npm run lock\`:\n`);
    for (const problem of problems.slice(0, 20)) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
}
