#!/usr/bin/env bash
# Installs the npm dependencies when missing or out of date, compiles every package (incremental), and
# prepares the official e-Factura validation artefacts (resolved from Maven Central once, then cached).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v node >/dev/null || { echo "Node.js 20+ is required" >&2; exit 1; }
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 20 ] || { echo "Node.js 20+ is required (found $(node -v))" >&2; exit 1; }

# A broken lock must fail here, naming its cause, rather than half-install.
node scripts/check-lock.js

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund >&2
fi
node scripts/build.mjs >&2
node scripts/validation-artefacts.mjs >&2
