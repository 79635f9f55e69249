# The two commands: `make run` serves the demo site, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install lock messages lint check pytest-sqlite pytest-postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Re-resolve the pinned versions after editing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip freeze --exclude-editable | grep -v "^-e" > requirements.lock

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Extract UI strings into locale/{fi,sv,en}; translate the .po files, then compile them.
messages: install
	$(BIN)/python manage.py makemessages -l fi -l sv -l en --no-obsolete --ignore=".venv/*" --ignore="tests/*" --ignore="bench/*"
	$(BIN)/python manage.py compilemessages --ignore=".venv/*"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

pytest-sqlite: install
	$(BIN)/pytest $(PYTEST_ARGS)

pytest-postgres: install
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

test: lint check pytest-sqlite pytest-postgres

clean:
	rm -rf $(VENV) db.sqlite3 media static
