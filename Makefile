# Counterpart: `make run` serves the demo, `make test` runs the whole suite. Both set up what they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
LOCALES := zh_Hans ug
MO := $(foreach locale,$(LOCALES),counterpart/locale/$(locale)/LC_MESSAGES/django.mo)
PGPORT ?= 54329
PG_URL := postgres://postgres@127.0.0.1:$(PGPORT)/counterpart
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000
# The suite runs on every core (pytest-xdist); JOBS=1 runs it in one process.
JOBS ?= $(shell nproc)
export DEBUG ?= 1

.PHONY: run serve fuzz setup test test-sqlite test-postgres test-e2e lint format messages system-packages clean \
	bench-ledger bench-matching bench-interchange bench-design bench-reports bench-load

run: setup ## Set everything up and serve http://127.0.0.1:$(PORT) with demo data (DEBUG=1)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py demo
	@echo "Serving on http://127.0.0.1:$(PORT), with one worker for the work queue (Ctrl-C stops both)"
	@export SITE_URL=http://127.0.0.1:$(PORT); \
	  scripts/supervise.sh $(PY) manage.py worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: setup ## The production shape: DEPLOYMENT=production, gunicorn, the queue worker, collected static files
	PORT=$(PORT) PY=$(PY) scripts/serve.sh

setup: $(PIP_STAMP) $(NPM_STAMP) $(MO)

$(PY):
	python3 -m venv $(VENV)

$(PIP_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

counterpart/locale/%/LC_MESSAGES/django.mo: counterpart/locale/%/LC_MESSAGES/django.po $(PIP_STAMP)
	$(VENV)/bin/pybabel compile --statistics -d counterpart/locale -D django -l $*

messages: $(PIP_STAMP) ## Re-extract translatable strings (needs GNU gettext)
	cd counterpart && ../$(PY) ../manage.py makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --no-location

system-packages: ## Debian's chromium and postgresql for the browser and PostgreSQL runs
	@if [ ! -x /usr/bin/chromium ] || ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    chromium postgresql >/dev/null; \
	fi

test: setup system-packages ## SQLite, then PostgreSQL, then the browser tests
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-e2e

test-sqlite: setup
	$(PY) -m pytest -q -m "not e2e" -n $(JOBS) --dist worksteal

test-postgres: setup
	PGPORT=$(PGPORT) scripts/postgres.sh start
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -m "not e2e" -n $(JOBS) --dist worksteal; status=$$?; \
	  PGPORT=$(PGPORT) scripts/postgres.sh stop; exit $$status

test-e2e: setup
	$(PY) -m pytest -q -m e2e -n $(JOBS)

fuzz: setup ## The API fuzzed long: every operation × every role × 100 examples, boundaries included
	FUZZ_EXAMPLES=100 $(PY) -m pytest -q -p no:warnings tests/api/test_schema.py

BENCH_PGPORT ?= 54330

bench-ledger: setup system-packages ## 1,000,000 ledger entries: recording speed, dashboard p50/p95
	$(PY) benchmarks/ledger.py --db sqlite
	PGPORT=$(BENCH_PGPORT) PG_DURABLE=1 scripts/postgres.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) benchmarks/ledger.py --db postgresql; status=$$?; \
	  PGPORT=$(BENCH_PGPORT) scripts/postgres.sh stop; exit $$status

bench-interchange: setup system-packages ## Imports (1M-row CSV, 100k-row XLSX) and the IATI export, beside baselines
	$(PY) benchmarks/interchange.py --db sqlite
	PGPORT=$(BENCH_PGPORT) PG_DURABLE=1 scripts/postgres.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) benchmarks/interchange.py --db postgresql; status=$$?; \
	  PGPORT=$(BENCH_PGPORT) scripts/postgres.sh stop; exit $$status

bench-load: setup system-packages ## 50 users of every role for 3 minutes on the production shape (PostgreSQL, demo)
	PGPORT=$(BENCH_PGPORT) PG_DURABLE=1 scripts/postgres.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) benchmarks/load.py; status=$$?; \
	  PGPORT=$(BENCH_PGPORT) scripts/postgres.sh stop; exit $$status

bench-reports: setup system-packages ## The search box over 20,000 projects and 50,000 people, beside the lists' own search
	$(PY) benchmarks/reports.py --db sqlite
	PGPORT=$(BENCH_PGPORT) PG_DURABLE=1 scripts/postgres.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) benchmarks/reports.py --db postgresql; status=$$?; \
	  PGPORT=$(BENCH_PGPORT) scripts/postgres.sh stop; exit $$status

bench-design: setup ## The pairing design: the 2010 round and national scale, beside the greedy way
	$(PY) benchmarks/design.py

bench-matching: setup system-packages ## The engine against the PyPI package `matching` (20k, 1M), couples at national scale, a 100k round on PostgreSQL
	$(PY) benchmarks/stable_matching.py
	PGPORT=$(BENCH_PGPORT) PG_DURABLE=1 scripts/postgres.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) benchmarks/matching_round.py; status=$$?; \
	  PGPORT=$(BENCH_PGPORT) scripts/postgres.sh stop; exit $$status

lint: setup ## ruff, and the layers of ARCHITECTURE.md (import-linter)
	$(VENV)/bin/ruff check counterpart tests benchmarks
	$(VENV)/bin/ruff format --check counterpart tests benchmarks
	$(VENV)/bin/lint-imports --no-cache

format: setup
	$(VENV)/bin/ruff format counterpart tests benchmarks
	$(VENV)/bin/ruff check --fix counterpart tests benchmarks

clean:
	rm -rf $(VENV) node_modules var
