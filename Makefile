# Entry points: `make site`, `make test`, `make serve`, `make validate`, `make bench`.
# Each installs what it needs first (a Python venv, npm packages, Chromium for tests).

VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site test serve validate bench lint chromium clean

$(PY_STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

validate: $(PY_STAMP)
	$(PY) -m wtsc validate

site: $(PY_STAMP) $(NODE_STAMP) validate
	$(PY) scripts/build.py

serve: $(PY_STAMP) $(NODE_STAMP)
	$(PY) -m mkdocs serve --livereload

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(PY_STAMP)
	$(PY) -m ruff check .

test: $(PY_STAMP) $(NODE_STAMP) chromium lint
	$(PY) -m pytest

bench: $(PY_STAMP) $(NODE_STAMP)
	$(PY) scripts/bench.py

clean:
	rm -rf site dist .pytest_cache
