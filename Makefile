# Lead-Nexus: `make run` starts the product, `make test` checks all of it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
WEB_STAMP := web/node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
PY_SOURCES := $(shell find src migrations -name '*.py' 2>/dev/null)
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null | grep -v 'schema.d.ts')

.PHONY: run test install lint format typecheck test-web test-py test-e2e web openapi bench clean

run: install web  ## Build everything, migrate, seed on first run, start web + worker on :8000
	$(BIN)/leadnexus up

test: install lint typecheck test-web test-py test-e2e  ## Every check; non-zero exit on any failure
	@echo "make test: all checks passed"

install: $(PY_STAMP) $(WEB_STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run 'apt-get install python3-venv'"; exit 1; }

$(PY_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build/openapi.json: $(PY_STAMP) $(PY_SOURCES)
	@mkdir -p build
	LEADNEXUS_ENV=test INSTANCE_DIR=build/instance $(BIN)/leadnexus openapi > $@.tmp && mv $@.tmp $@

web/src/api/schema.d.ts: build/openapi.json $(WEB_STAMP)
	cd web && npm run --silent gen:api

openapi: web/src/api/schema.d.ts  ## Regenerate the web app's API types from the backend's spec

web/dist/index.html: web/src/api/schema.d.ts $(WEB_SOURCES)
	cd web && npm run --silent build

web: web/dist/index.html  ## Build the single-page app into web/dist

lint: $(PY_STAMP)  ## Ruff, the import contracts (.importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(PY_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: web/src/api/schema.d.ts
	cd web && npm run --silent typecheck

test-web: web/src/api/schema.d.ts
	cd web && npm test --silent

# The API and unit suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set.
test-py: $(PY_STAMP)
	env -u TEST_DATABASE_URL $(BIN)/pytest -m "not e2e" -q
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the same suite on PostgreSQL ($$TEST_DATABASE_URL)"; \
		$(BIN)/pytest -m "not e2e" -q -p no:cacheprovider; \
	else \
		echo "!! TEST_DATABASE_URL is not set: the suite ran on SQLite only"; \
	fi

test-e2e: web
	@if [ -x "$(CHROMIUM)" ]; then \
		CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m e2e -q; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! END-TO-END TESTS NOT RUN: no Chromium at $(CHROMIUM)"; \
		echo "!! install Debian's chromium (apt-get install chromium) to run them"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

bench: $(PY_STAMP)  ## Benchmarks; record what they print in bench/RESULTS.md
	$(BIN)/python -m bench.login
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.search

clean:
	rm -rf build web/dist
