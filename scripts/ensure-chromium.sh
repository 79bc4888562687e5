#!/usr/bin/env bash
# The portal's browser tests drive Debian's Chromium through playwright-core (no browser download): install it
# when missing, as root with apt-get, or stop with a message saying how. CHROMIUM_PATH points elsewhere.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable Chromium" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing Chromium (Debian package) for the portal's browser tests" >&2
  # A fresh image has no package lists yet: refresh them only when the first attempt fails.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2 ||
    { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2; }
  [ -x "$chromium" ] || { echo "the chromium package is installed but $chromium is missing" >&2; exit 1; }
else
  echo "the portal's browser tests need Chromium at /usr/bin/chromium: install it (apt-get install chromium as root)," \
    "or set CHROMIUM_PATH to a Chromium or Chrome binary" >&2
  exit 1
fi
