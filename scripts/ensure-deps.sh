#!/usr/bin/env bash
# Installs the npm dependencies when missing or out of date, then compiles every package (incremental).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v node >/dev/null || { echo "Node.js 20+ is required" >&2; exit 1; }
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 20 ] || { echo "Node.js 20+ is required (found $(node -v))" >&2; exit 1; }

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies (npm ci)" >&2
  if ! npm ci --no-audit --no-fund >&2; then
    # npm >= 11.16 can reject a lock that lists optional platform packages a registry mirror lacks
    # (npm/cli#9846). The lock stays the source of versions; npm install honours it.
    echo "npm ci refused the lock file; installing from it with npm install instead" >&2
    npm install --no-audit --no-fund >&2
  fi
fi
node scripts/build.mjs >&2
