#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter: PATH first, then pyenv's versions.
# Rasa 3.6 supports Python up to 3.10, so no other version will do.
set -euo pipefail

is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

for candidate in "${PYTHON:-}" python3.10 python3 python; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for path in $(ls -d "$pyenv_root"/versions/3.10*/bin/python 2>/dev/null | sort -rV); do
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

cat >&2 <<'MSG'
No Python 3.10 interpreter was found (looked on PATH and in pyenv's versions).
Rasa 3.6 needs Python 3.10. Install it, for example:
  pyenv install 3.10.13        (or: apt-get install python3.10 python3.10-venv)
or point to one with: make setup PYTHON=/path/to/python3.10
MSG
exit 1
