# questionnaire-returns: one virtual environment (.venv/), offline Prefect settings.
# `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= normalized
EVAL   ?=

# Prefect offline (the same values questionnaire_returns/prefect_env.py sets; yours win)
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 120
export PIP_DISABLE_PIP_VERSION_CHECK := 1

TESSERACT_LANGS := eng fra deu rus spa ita

.PHONY: help setup sysdeps demo test lint eval calibrate bench samples clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(STAMP) ## create .venv/ and install the project with its dev tools (reruns when pyproject.toml changes)

sysdeps: ## apt-install chromium, tesseract-ocr (+ eng fra deu rus spa ita), LibreOffice Writer (headless) and PostgreSQL (the store's tests) when missing
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	{ command -v initdb || ls /usr/lib/postgresql/*/bin/initdb; } >/dev/null 2>&1 || missing="$$missing postgresql"; \
	for l in $(TESSERACT_LANGS); do dpkg -s tesseract-ocr-$$l >/dev/null 2>&1 || missing="$$missing tesseract-ocr-$$l"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing </dev/null; \
	fi

samples: $(STAMP) ## write the fixed demo set of returns into raw/
	$(VENV)/bin/returns samples $(RAW)

demo: $(STAMP) sysdeps ## read raw/ (the demo set when raw/ is empty), write normalized/, build the report
	@if [ -z "$$(find $(RAW) -type f ! -name '.*' 2>/dev/null | head -1)" ]; then $(MAKE) --no-print-directory samples; fi
	$(VENV)/bin/returns ingest --raw $(RAW) --out $(OUT)
	$(VENV)/bin/returns report --data $(OUT)
	@echo
	@echo "Dataset:      $(OUT)/answers.csv, responses.csv (one row per country), review_queue.csv, failures.csv, submissions.csv"
	@if [ -d $(OUT)/report ]; then echo "Report:       $(OUT)/report/report.html"; fi
	@echo "Review:       $(VENV)/bin/returns review   (then open the URL it prints; with no account yet it prints"
	@echo "              a one-time link that makes the first admin, or: returns review users add admin --role admin)"

lint: $(STAMP) ## ruff and mypy (strict on the records, the settings and the schema's loading)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: $(STAMP) sysdeps ## run the test suite
	$(PY) -m pytest

calibrate: $(STAMP) ## fit the confidence model on tests/corpora/* into calibration/confidence.yaml (then: make eval)
	$(PY) -m eval.calibrate $(CALIBRATE)

eval: $(STAMP) ## accuracy and calibration on every keyed corpus and a generated one (EVAL="--corpus a" picks; eval/out/report.json)
	$(PY) -m eval $(EVAL)

bench: $(STAMP) ## throughput, memory and rerun figures (every bench/bench_*.py)
	$(PY) bench/run.py

clean: ## remove generated outputs (keeps raw/, .venv/ and the reviewers' corrections)
	rm -rf eval/out bench/out .pytest_cache $(OUT)/cache $(OUT)/runs $(OUT)/report
	rm -f $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/.*.tmp $(OUT)/.*.lock $(OUT)/.run.lock.json
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 | xargs -0 rm -rf
