#!/usr/bin/env bash
# npm test: install what is missing, start Kafka if none runs, then lint, type-check and every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false} KAFKAJS_NO_PARTITIONER_WARNING=1

bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
echo "== format (nx)"
npx nx format:check
echo "== lint (nx)"
npx nx run-many -t lint --output-style=static
echo "== type-check"
npx tsc -p tsconfig.json --noEmit
npx tsc -p services/web/app/tsconfig.json --noEmit
echo "== Kafka"
# A broker that was already running is left as it was; one started here is stopped when the tests end.
if ! bash deploy/kafka/kafka.sh status >/dev/null 2>&1; then
  trap 'bash deploy/kafka/kafka.sh stop >/dev/null 2>&1 || true' EXIT
fi
bash deploy/kafka/kafka.sh start
echo "== unit tests"
npx jest --selectProjects unit --maxWorkers=2
echo "== integration and end-to-end tests (real Kafka and Postgres; the portal's in Chromium)"
npx jest --selectProjects integration e2e --runInBand
