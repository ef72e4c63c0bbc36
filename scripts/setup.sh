#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies, and the
# browser libraries from package-lock.json into node_modules.
# Idempotent: does nothing when the lock files have not changed since the
# last successful install.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser libraries the web app serves (package.json, package-lock.json).
npm_stamp=node_modules/.installed
npm_digest=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$npm_digest" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing: install Node.js and npm (Debian: apt-get install npm), then retry." >&2
    exit 1
  fi
  if ! npm_log=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
    echo "$npm_log" | tail -30 >&2
    echo "Installing the browser libraries (npm ci) failed." >&2
    exit 1
  fi
  echo "$npm_digest" > "$npm_stamp"
fi

# WeasyPrint (the plan's PDF download) draws text with Pango from the system.
if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Pango for PDF downloads (Debian packages)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 >/dev/null) || echo "Could not install Pango: PDF downloads will be unavailable." >&2
  else
    echo "Pango is missing: install libpango-1.0-0 and libpangoft2-1.0-0 for PDF downloads." >&2
  fi
fi

lock=requirements.lock
stamp=.venv/.installed
digest=$(sha256sum "$lock" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && [ -x .venv/bin/python ]; then
  exit 0
fi

python=$(scripts/find_python.sh)
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $python"
  "$python" -m venv .venv
fi

echo "Installing pinned dependencies (first time: about 2-3 minutes, ~2.7 GB)..."
log=$(mktemp)
# Every package is pinned with the hashes of its published files; pip refuses
# any download whose hash differs (a tampered or replaced file).
if ! .venv/bin/pip install --no-input --require-hashes -r "$lock" >"$log" 2>&1; then
  grep -v "is ignored: it is neither" "$log" | tail -30 >&2
  echo "Dependency installation failed; full log: $log" >&2
  exit 1
fi
rm -f "$log"
echo "$digest" > "$stamp"
echo "Dependencies installed."
