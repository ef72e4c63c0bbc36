#!/usr/bin/env bash
# Start the Rasa server. Its HTTP API stays closed unless OI_RASA_TOKEN is set,
# in which case it is enabled and protected by that token.
# Browsers may call it from the origins in OI_CORS_ORIGINS (space- or
# comma-separated, e.g. "https://www.example.org https://advisor.example.org");
# with none configured any origin may, and a warning says so.
# Several Rasa servers can share one conversation store: set OI_LOCK_HOST (and
# OI_LOCK_PORT, OI_LOCK_DB, OI_LOCK_PREFIX, OI_ACTIONS_URL) to use
# deploy/endpoints-scaled.yml and Rasa's Redis lock store.
# Rasa runs through bot/serve_rasa.py, which checks the action server's replies
# with a JSON schema compiled once instead of on every call.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${OI_VENV_BIN:-.venv/bin}"
read -r -a origins <<<"$(echo "${OI_CORS_ORIGINS:-}" | tr , " ")"
if [ "${#origins[@]}" -eq 0 ]; then
  echo "WARNING: OI_CORS_ORIGINS is not set, so browsers on any site may call Rasa (--cors '*')." >&2
  origins=("*")
fi
endpoints=endpoints.yml
if [ -n "${OI_LOCK_HOST:-}" ]; then
  export OI_LOCK_PORT="${OI_LOCK_PORT:-6379}" OI_LOCK_DB="${OI_LOCK_DB:-1}" OI_LOCK_PREFIX="${OI_LOCK_PREFIX:-oiadvisor}"
  export OI_ACTIONS_URL="${OI_ACTIONS_URL:-http://127.0.0.1:${OI_ACTIONS_PORT:-5055}/webhook}"
  endpoints=deploy/endpoints-scaled.yml
fi
args=(run --model models --port "${OI_RASA_PORT:-5005}" --interface "${OI_RASA_HOST:-127.0.0.1}"
      --credentials credentials.yml --endpoints "$endpoints" --cors "${origins[@]}" --quiet)
if [ -n "${OI_RASA_TOKEN:-}" ]; then
  args+=(--enable-api --auth-token "$OI_RASA_TOKEN")
fi
exec "$bin/python" -m bot.serve_rasa "${args[@]}"
