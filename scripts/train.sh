#!/usr/bin/env bash
# Train the Rasa model unless one trained on the same data, config, domain and
# knowledge already exists (Rasa's fingerprinting decides).
set -euo pipefail
export PYTHONWARNINGS=ignore
cd "$(dirname "$0")/.."
.venv/bin/rasa train --quiet --augmentation 0 --out models --fixed-model-name oi-advisor 2>&1 \
  | grep --line-buffered -v -E "tensorflow|TensorFlow|oneDNN|cuda|SQLAlchemy 2.0|UserWarning|warnings.warn|^\s*$|it/s|s/it|pkg_resources|declare_namespace|xla_computation|fatal: bad revision|raise_warning" || true
test -f models/oi-advisor.tar.gz || { echo "Training failed: no model in models/" >&2; exit 1; }
