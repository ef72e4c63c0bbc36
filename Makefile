# OI Advisor: `make run` to try it, `make test` to check it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin

export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS := ignore::DeprecationWarning
export OI_RASA_PORT ?= 5005
export OI_ACTIONS_PORT ?= 5055
export OI_WEB_PORT ?= 8000
export OI_DATABASE_URL ?= sqlite:///$(CURDIR)/var/oi_advisor.db

.PHONY: help setup train run test validate bench audit clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

setup:  ## Create .venv with Python 3.10 and install pinned dependencies
	@scripts/setup.sh

train: setup  ## Train the model when data, config, domain or knowledge changed
	@scripts/train.sh

validate: setup  ## Check the knowledge base and Rasa's training data
	@$(BIN)/python -m bot knowledge check
	@$(BIN)/rasa data validate --fail-on-warnings --quiet

run: train  ## Start Rasa, the action server and the web app on SQLite, supervised
	@mkdir -p var
	@$(BIN)/python -m bot db upgrade
	@echo "OI Advisor is starting: open http://127.0.0.1:$(OI_WEB_PORT)/ (staff desk: /staff). Ctrl-C stops everything."
	@$(BIN)/python scripts/supervise.py 2>&1 | $(BIN)/python scripts/quiet_output.py

test: train  ## Run the whole test suite
	@$(BIN)/python -m pytest

bench: train  ## Print speed and memory figures
	@mkdir -p var && set -o pipefail && $(BIN)/python scripts/bench.py $(BENCH_ARGS) 2>&1 \
		| $(BIN)/python scripts/quiet_output.py --log var/bench.log

audit:  ## Check the locked dependencies for known vulnerabilities (needs the internet)
	@scripts/audit.sh

clean:  ## Remove trained models and local data (keeps .venv)
	rm -rf models var .pytest_cache
