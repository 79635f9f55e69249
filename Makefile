# The two commands: `make run` serves the demo site, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Absolute URLs (sitemap, feeds, JSON-LD, iCalendar, API) point at what `make run` serves.
BASE_URL ?= http://127.0.0.1:$(PORT)
STAMP := $(VENV)/.installed
NODE_STAMP := tests/browser/node_modules/.installed
# Each pass of `make test` runs on every core; tests sharing one session server (the
# production stack, the live search engine) stay in one worker (tests/fixtures.py).
PYTEST_WORKERS ?= auto
XDIST := -n $(PYTEST_WORKERS)

.PHONY: run serve test install lock messages lint typecheck check pytest-sqlite pytest-postgres clean bench bench-quick

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Node tools of the tests (axe-core, vnu-jar, ical.js, Redocly, Spectral), pinned by
# tests/browser/package-lock.json; install scripts are skipped (vnu-jar would fetch a JRE).
# Nu Html Checker runs on the Debian Java runtime.
$(NODE_STAMP): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent --ignore-scripts
	touch $(NODE_STAMP)

# Re-resolve the pinned versions after editing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip freeze --exclude-editable | grep -v "^-e" > requirements.lock

# Serves the site with the background processes it relies on: a task worker for search indexing
# and the change feed (queues default, changes), the webhook delivery loop (its own process,
# so partner endpoints never hold up indexing) and the scheduler (scheduled publishing and expiry).
# Ctrl-C stops them all.
# SEARCH_ENGINE=opensearch (or opensearch:3.6.0) runs it all against a throwaway engine
# (scripts/with-search-engine), whose indexes `reindex` creates before the demo is loaded.
run: export BASE_URL := $(BASE_URL)
run: install
	scripts/ensure-voikko
ifdef SEARCH_ENGINE
	scripts/with-search-engine $(SEARCH_ENGINE) $(MAKE) --no-print-directory run SEARCH_ENGINE=
else
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py reindex --verbosity 0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py db_worker --queue-name default,changes & worker=$$!; \
	$(BIN)/python manage.py deliver_webhooks & webhooks=$$!; \
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$webhooks $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)
endif

# The production stack on one machine (README "Deploying"): Varnish on 127.0.0.1:$(PORT) in
# front of gunicorn (cms.settings.production), PostgreSQL 15, Redis, the task workers and the
# scheduler; OBJECT_STORE=moto keeps media in a local S3 server, SEARCH_ENGINE=elasticsearch
# (or opensearch) adds that engine through scripts/with-search-engine. Ctrl-C stops all of it.
serve: install
	$(if $(SEARCH_ENGINE),scripts/with-search-engine $(SEARCH_ENGINE)) \
	scripts/with-postgres $(BIN)/python scripts/serve-stack --port $(PORT) --demo

# Extract UI strings into locale/{fi,sv,en}; translate the .po files, then compile them.
messages: install
	$(BIN)/python manage.py makemessages -l fi -l sv -l en --no-obsolete --ignore=".venv/*" --ignore="tests/*" --ignore="bench/*"
	$(BIN)/python manage.py compilemessages --ignore=".venv/*"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The plugin seams (registry and contribution kinds) under mypy + django-stubs; files and
# strictness are in pyproject.toml [tool.mypy].
typecheck: install
	$(BIN)/mypy

check: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

pytest-sqlite: install $(NODE_STAMP)
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

# Tests marked backend_independent (validators, external engines) already ran in the SQLite pass.
pytest-postgres: install $(NODE_STAMP)
	scripts/with-postgres $(BIN)/pytest $(XDIST) -m "not backend_independent" $(PYTEST_ARGS)

test: lint typecheck check pytest-sqlite pytest-postgres

# Benchmarks (README "Performance"): every measurement on one seeded dataset, one table, also
# written to bench/results/latest.json. Not part of `make test`. `bench` grows SQLite to 1k,
# 10k and 50k trainings and serves it with gunicorn and Redis under wrk, then repeats search
# at 10k on PostgreSQL and OpenSearch (one dataset written to both; bench/run.py measures each
# backend); `bench-quick` does the same at 300 and 1,000 in a few minutes, without the engine.
bench: install
	$(BIN)/python bench/run.py
	scripts/with-postgres scripts/with-search-engine opensearch \
	  $(BIN)/python bench/run.py --sizes 10000 --search-only --append

bench-quick: install
	$(BIN)/python bench/run.py --quick
	scripts/with-postgres $(BIN)/python bench/run.py --sizes 1000 --search-only --append --quick

clean:
	rm -rf $(VENV) db.sqlite3 media static
