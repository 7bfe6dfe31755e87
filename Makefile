# Bilateral: `make run` serves the portal with the seed content; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install test-deps messages migrate seed worker lock check clean

$(VENV)/.installed: requirements.txt
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	touch $@

install: $(VENV)/.installed messages

messages: $(VENV)/.installed
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

migrate: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) createcachetable

seed: migrate
	$(MANAGE) load_seed
	$(MANAGE) ensure_admin

# The portal, its background task worker and the scheduler (digests, retries, purges); Ctrl-C stops all.
run: seed
	@echo "Bilateral: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@trap 'kill 0' EXIT; \
	$(MANAGE) db_worker & \
	$(MANAGE) run_scheduler & \
	$(MANAGE) runserver $(HOST):$(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# What the browser tests need beyond Python: Debian's Chromium and axe-core.
test-deps: node_modules/.installed
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test: install test-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

lock:
	$(BIN)/pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf $(VENV) node_modules var
