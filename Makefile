# draaiboek — developer entry points. `make serve` and `make test` set up
# whatever is missing first, so a fresh clone needs nothing else.

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.setup-stamp
NODE_STAMP := node_modules/.setup-stamp
CHROMIUM  := /usr/bin/chromium

.PHONY: browser nginx setup serve build release test check lint format typecheck typecheck-js bundle bench screenshots clean

setup: $(STAMP) $(NODE_STAMP) browser nginx

# Reinstall only when the package metadata changed.
$(STAMP): pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	  test -x $(PY) || $$python -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Browser tests drive Debian's Chromium; never a test tool's own download.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else \
	    echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)." >&2; exit 1; \
	  fi; \
	fi

# The hosting tests run the nginx recipe of "Zelf hosten" for real; without
# nginx (not root) they use Python's server with the same headers.
nginx:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }) >/dev/null || \
	    echo "nginx could not be installed; the hosting tests use Python's server instead." >&2; \
	fi

# The browser runtime: ES modules in src/draaiboek/assets/js/, bundled by
# esbuild into the classic scripts the site loads: forms.js on every page,
# qrdecode.js when the group page reads a QR code (committed, so a site builds
# without Node.js; tests/test_bundle.py checks they are up to date).
JS_SOURCES := $(wildcard src/draaiboek/assets/js/*.js)
JS_BUNDLE  := src/draaiboek/assets/forms.js src/draaiboek/assets/qrdecode.js

$(JS_BUNDLE) &: $(JS_SOURCES) scripts/bundle.mjs $(NODE_STAMP)
	node scripts/bundle.mjs

bundle: $(JS_BUNDLE)

serve: setup $(JS_BUNDLE)
	$(VENV)/bin/draaiboek serve --dev-addr 127.0.0.1:8000

build: setup $(JS_BUNDLE)
	$(VENV)/bin/draaiboek build

# The handbook as one zip to download: site, start scripts, LEESMIJ.
release: setup $(JS_BUNDLE)
	$(VENV)/bin/draaiboek pack --strict -o dist/draaiboek-handboek.zip

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

format: setup
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

typecheck: setup
	$(VENV)/bin/mypy

# The JavaScript's JSDoc types, checked by tsc (strict; nothing is emitted).
typecheck-js: $(NODE_STAMP)
	node_modules/.bin/tsc -p tsconfig.json

check: lint typecheck typecheck-js test

bench: setup
	$(PY) -m bench

# Renew the README's pictures from the browser tests.
screenshots: setup
	DRAAIBOEK_SCREENSHOTS=docs/screenshots $(PY) -m pytest tests/test_browser.py -k "screenshot or print_gives" -q

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache build dist
