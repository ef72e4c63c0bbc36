#!/usr/bin/env bash
# Start the Rasa server. Its HTTP API stays closed unless OI_RASA_TOKEN is set,
# in which case it is enabled and protected by that token.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(run --model models --port "${OI_RASA_PORT:-5005}" --interface "${OI_RASA_HOST:-127.0.0.1}"
      --credentials credentials.yml --endpoints endpoints.yml --cors "*" --quiet)
if [ -n "${OI_RASA_TOKEN:-}" ]; then
  args+=(--enable-api --auth-token "$OI_RASA_TOKEN")
fi
exec .venv/bin/rasa "${args[@]}"
