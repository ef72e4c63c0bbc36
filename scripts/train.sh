#!/usr/bin/env bash
# Train the Rasa model unless one trained on the same data, config, domain and
# knowledge already exists (Rasa's fingerprinting decides). CPU only; the full
# log goes to var/train.log and only Rasa's own messages are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONWARNINGS=ignore TF_CPP_MIN_LOG_LEVEL=3 CUDA_VISIBLE_DEVICES=-1
mkdir -p var
echo "Training the model if data, config, domain or knowledge changed (a full training takes ~5 minutes)..."
if ! .venv/bin/rasa train --quiet --augmentation 0 --out models --fixed-model-name oi-advisor >var/train.log 2>&1; then
  grep -v -E "Warning|warn|^\s" var/train.log | tail -20 >&2
  echo "Training failed; full log: var/train.log" >&2
  exit 1
fi
grep -E "Nothing changed|trained and saved|Your Rasa model" var/train.log | sed 's/\x1b\[[0-9;]*m//g' || true
