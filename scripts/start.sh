#!/usr/bin/env bash
# npm start: install what is missing, then run the whole local stack in the foreground (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
exec node scripts/stack.js
