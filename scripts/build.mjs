// Compiles every workspace package's src/ into its dist/ with SWC (type-checking is `npm run typecheck`).
// Incremental: a file is compiled again only when its source is newer than its output.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swcOptions = require('./swc.config.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isTest = (name) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(name);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

async function buildPackage(pkgDir) {
  const src = join(pkgDir, 'src');
  const dist = join(pkgDir, 'dist');
  let compiled = 0;
  try {
    await stat(src);
  } catch {
    return 0;
  }
  for await (const file of walk(src)) {
    const rel = relative(src, file);
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(file)) {
      const out = join(dist, rel.replace(/\.ts$/, '.js'));
      if ((await mtime(out)) >= (await mtime(file))) continue;
      const { code } = await transformFile(file, { ...swcOptions, filename: file, swcrc: false, configFile: false });
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, code);
      compiled += 1;
    } else if (/\.(json|xml|txt|ttf|afm)$/.test(file)) {
      const out = join(dist, rel);
      if ((await mtime(out)) >= (await mtime(file))) continue;
      await mkdir(dirname(out), { recursive: true });
      await copyFile(file, out);
    }
  }
  return compiled;
}

const groups = ['libs', 'services', 'sandboxes'];
let total = 0;
for (const group of groups) {
  for (const name of await readdir(join(root, group))) {
    total += await buildPackage(join(root, group, name));
  }
}
console.log(`build: ${total} file(s) compiled`);

// The web portal (services/web/app, React) is bundled by Vite into services/web/dist/public, which the web
// edge serves; again only when a source is newer than the last bundle.
async function newest(dir) {
  let latest = 0;
  for await (const file of walk(dir)) latest = Math.max(latest, await mtime(file));
  return latest;
}
const portal = join(root, 'services/web/app');
const bundled = join(root, 'services/web/dist/public/index.html');
if ((await newest(portal)) > (await mtime(bundled)) || process.env.OBOLUS_REBUILD_PORTAL === 'true') {
  const { build } = await import('vite');
  const began = Date.now();
  await build({ configFile: join(portal, 'vite.config.mts'), logLevel: 'warn' });
  console.log(`build: web portal bundled in ${Date.now() - began} ms`);
}
