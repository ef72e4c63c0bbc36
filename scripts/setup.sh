#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies.
# Idempotent: does nothing when requirements.lock has not changed since the
# last successful install.
set -euo pipefail
cd "$(dirname "$0")/.."

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
if ! .venv/bin/pip install --no-input -r "$lock" >"$log" 2>&1; then
  grep -v "is ignored: it is neither" "$log" | tail -30 >&2
  echo "Dependency installation failed; full log: $log" >&2
  exit 1
fi
rm -f "$log"
echo "$digest" > "$stamp"
echo "Dependencies installed."
