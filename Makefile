# Bilateral: `make run` serves the portal with the seed content; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Also read by the settings: without SITE_URL, links in emails, feeds and the admin use HOST:PORT.
export HOST PORT

.PHONY: run test install install-dev test-deps messages borders styles migrate seed worker lock check clean
.PHONY: prod prod-deps prod-check
.PHONY: backup restore
.PHONY: bench

# Two locks (requirements/*.txt, with hashes): prod.txt is what the portal runs on; dev.txt is prod.txt
# plus the tests', benchmarks' and linter's tools. `make lock` regenerates both from requirements/*.in.
$(VENV)/.installed-prod: requirements/prod.txt
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements/prod.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-prod requirements/dev.txt
	$(BIN)/pip install -q --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed-prod styles messages borders

install-dev: $(VENV)/.installed-dev styles messages borders

messages: $(VENV)/.installed-prod
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

# The borders the maps draw, extracted from world-atlas (npm) into a small data file (not committed).
BORDERS := bilateral/facts/geodata/borders.json
borders: $(BORDERS)
$(BORDERS): node_modules/.installed $(VENV)/.installed-prod bilateral/facts/pictures/geometry.py
	$(MANAGE) build_borders -v0

# The public stylesheet: GOV.UK Frontend's Sass source (npm) with our font stack and wordmark, compiled by
# dart-sass (npm) into bilateral/static/build/ (not committed). docs/adr/0011-design-system.md
SITE_CSS := bilateral/static/build/site.css
styles: $(SITE_CSS)
$(SITE_CSS): node_modules/.installed $(wildcard bilateral/sass/*.scss)
	node_modules/.bin/sass --load-path=node_modules --no-source-map --style=compressed bilateral/sass/site.scss $@

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
# prod-deps: tests/proxy runs nginx; benchmarks use nginx and wrk.
test-deps: node_modules/.installed prod-deps
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	@command -v redis-server >/dev/null && command -v pg_dump >/dev/null || \
	(apt-get update -qq && apt-get install -y -qq redis-server postgresql-client)

# In parallel (pytest-xdist), one worker per core: each worker has its own test database (test_<name>_gw0, …)
# and loads the seed once (tests/conftest.py). Tests that start processes on shared resources are kept
# apart with @pytest.mark.xdist_group (see tests/conftest.py). TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto
test: install-dev test-deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Production stack on this machine (deploy/prod.py): nginx on $(PROXY_PORT) in front of gunicorn,
# task workers and the scheduler, on PostgreSQL and Redis; Ctrl-C stops all. README: "Production".
PROXY_PORT ?= 8080
prod-deps:
	@command -v nginx >/dev/null && command -v wrk >/dev/null && \
	test -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so || \
	(apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-cache-purge wrk)

prod: install prod-deps
	$(BIN)/python deploy/prod.py

# Benchmarks (bench/run.py): recreates the scratch database bilateral_bench, generate_demo --pages 2000
# --subscribers 100000, runs bench/{proxy,gunicorn,fanout,search,captcha}.py, writes bench/RESULTS.md.
bench: install-dev prod-deps
	@command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# With `make prod` running: caching, passing and static headers as seen through the proxy.
prod-check: install
	$(BIN)/python deploy/prod_check.py http://127.0.0.1:$(PROXY_PORT)

# A backup directory under BACKUP_DIR (default var/backups): pg_dump -Fc or SQLite copy, plus media.
# `make restore BACKUP=var/backups/<stamp>` loads one into an empty database (FORCE=1: a non-empty one).
backup: install
	$(MANAGE) backup

restore: install
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=var/backups/<stamp> [FORCE=1]" >&2; exit 2)
	$(MANAGE) restore $(if $(FORCE),--force) "$(BACKUP)"

# Lint (ruff, configured in pyproject.toml), Django's checks, migrations committed.
check: install-dev
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Re-resolve both locks from PyPI with hashes; versions already in a lock stay unless an .in file
# asks otherwise (`make lock LOCK_ARGS=--upgrade` or `LOCK_ARGS="-P django"` to move them).
PIP_COMPILE = env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(abspath $(BIN))/pip-compile -q --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-find-links \
	--index-url https://pypi.org/simple --no-emit-index-url $(LOCK_ARGS)
lock: $(VENV)/.installed-dev
	cd requirements && $(PIP_COMPILE) -o prod.txt prod.in
	cd requirements && $(PIP_COMPILE) -o dev.txt dev.in

clean:
	rm -rf $(VENV) node_modules var bilateral/static/build
