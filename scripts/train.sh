#!/usr/bin/env bash
# Train the Rasa model unless one trained on the same data, config, domain and
# knowledge already exists (Rasa's fingerprinting decides). CPU only.
# Rasa's own lines show which component is training and its progress bars how
# far it has got; the libraries' warnings are left out (scripts/quiet_output.py).
# The whole output goes to var/train.log, and the time a real training took to
# var/last-training.json, which `make bench` reports.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONWARNINGS=ignore TF_CPP_MIN_LOG_LEVEL=3 CUDA_VISIBLE_DEVICES=-1 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var
echo "Training the model if data, config, domain or knowledge changed (a full training takes several minutes)..."
started=$(date +%s)
if ! .venv/bin/rasa train --augmentation 0 --out models --fixed-model-name oi-advisor 2>&1 \
    | .venv/bin/python scripts/quiet_output.py --log var/train.log; then
  echo "Training failed; full log: var/train.log" >&2
  exit 1
fi
# Only a whole training counts: one that restored components from Rasa's cache
# took a fraction of the time and says nothing of how long training takes.
if grep -q "Starting to train component" var/train.log && ! grep -q "Restored component" var/train.log; then
  printf '{"seconds": %d, "finished": "%s"}\n' "$(($(date +%s) - started))" "$(date -u +%FT%TZ)" \
    >var/last-training.json
fi
