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
# argon2 ships prebuilt binaries; on some CPUs the linux-x64 one crashes (SIGSEGV) at the first hash.
# Probe it once per install, and build it from source where it does not run.
argon2_probe="require('argon2').hash('probe', { memoryCost: 1024, timeCost: 1 }).then(() => process.exit(0), () => process.exit(1))"
if [ ! -f node_modules/.argon2-probed ] || [ node_modules/.package-lock.json -nt node_modules/.argon2-probed ]; then
  if ! node -e "$argon2_probe" 2>/dev/null; then
    echo "argon2's prebuilt binary does not run here; building it from source (needs python3, make and a C++ compiler)" >&2
    npm_config_build_from_source=true npm rebuild argon2 --foreground-scripts --no-audit --no-fund >&2
    node -e "$argon2_probe" || { echo "argon2 still does not run after building it from source" >&2; exit 1; }
  fi
  touch node_modules/.argon2-probed
fi
# The invoice PDF specs draw each PDF with pdftoppm and read it back with pdftotext (poppler-utils).
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing poppler-utils (pdftotext, pdftoppm) for the invoice PDF tests" >&2
    # A fresh image has no package lists yet: refresh them only when the first attempt fails.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils >&2 ||
      { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils >&2; }
    command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ||
      { echo "poppler-utils is installed but pdftotext or pdftoppm is still not on PATH" >&2; exit 1; }
  else
    echo "pdftotext and pdftoppm are required by the invoice PDF tests: install poppler-utils" \
      "(apt-get install poppler-utils as root, dnf install poppler-utils, or brew install poppler)" >&2
    exit 1
  fi
fi
node scripts/build.mjs >&2
node scripts/validation-artefacts.mjs >&2
