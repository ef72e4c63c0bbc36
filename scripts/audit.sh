#!/usr/bin/env bash
# Check the pinned dependencies for known vulnerabilities: pip-audit on
# requirements.lock (PyPA's advisory database via PyPI/OSV) and npm audit on
# package-lock.json. pip-audit runs from its own virtualenv in var/audit-venv so
# it never changes the project's environment.
#
# Exit status: 0 when both audits ran and found nothing beyond the accepted
# findings listed in docs/reliability.md, 1 when they found something, 2 when
# a vulnerability service could not be reached (then nothing was checked, and
# this says so instead of passing).
set -uo pipefail
cd "$(dirname "$0")/.."

PIP_AUDIT_VERSION=2.9.0
# Accepted findings (see docs/reliability.md, "Dependency audit"): one --ignore-vuln per id.
ACCEPTED=()

status=0
unreachable() {
  echo "AUDIT NOT DONE: $1 could not reach its vulnerability service; nothing was checked." >&2
  status=2
}

python=$(scripts/find_python.sh) || exit 2
if [ ! -x var/audit-venv/bin/pip-audit ]; then
  echo "Installing pip-audit $PIP_AUDIT_VERSION into var/audit-venv..."
  mkdir -p var
  "$python" -m venv var/audit-venv >/dev/null &&
    var/audit-venv/bin/pip install -q "pip-audit==$PIP_AUDIT_VERSION" >/dev/null 2>&1 ||
    { unreachable "pip (installing pip-audit)"; exit 2; }
fi

ignore=()
for id in "${ACCEPTED[@]}"; do ignore+=(--ignore-vuln "$id"); done
echo "== pip-audit on requirements.lock"
log=$(mktemp)
var/audit-venv/bin/pip-audit --requirement requirements.lock --no-deps --disable-pip \
  --progress-spinner off "${ignore[@]}" >"$log" 2>&1
code=$?
# pip-audit reports "No known vulnerabilities found" even when it could look up
# none of the packages (every one "could not be audited"): count those as unchecked.
skipped=$(grep -c "could not be audited" "$log")
if [ "$skipped" -gt 0 ]; then
  unreachable "pip-audit ($skipped of $(grep -c '==' requirements.lock) packages unchecked)"
else
  grep -v -E "^-+ -+$|^Name +Skip Reason|pip_audit._cli" "$log"
fi
if [ "$skipped" -eq 0 ] && [ "$code" -ne 0 ]; then
  if grep -qiE "connection|resolve|timed out|network|HTTPSConnectionPool|Max retries" "$log"; then
    unreachable "pip-audit"
  else
    status=1
  fi
fi
rm -f "$log"

echo "== npm audit on package-lock.json"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js and npm to audit package-lock.json." >&2
  status=$(( status == 0 ? 2 : status ))
else
  log=$(mktemp)
  npm audit --package-lock-only --omit=dev >"$log" 2>&1
  code=$?
  cat "$log"
  if [ "$code" -ne 0 ]; then
    if grep -qiE "ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network|audit endpoint returned an error" "$log"; then
      unreachable "npm audit"
    else
      status=1
    fi
  fi
  rm -f "$log"
fi
exit "$status"
