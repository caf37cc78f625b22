# Two commands: `make book` builds the course, `make test` runs every test.
# Both create the virtual environment .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000

.PHONY: book serve test lint chromium clean benchmark lab

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo ""
	@echo "Het boek staat klaar. Open: file://$(CURDIR)/_build/html/index.html"
	@echo "Of start een lokale server met: make serve  (http://127.0.0.1:$(PORT))"

serve: book
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks --ServerApp.ip=127.0.0.1

test: $(STAMP) chromium lint
	MISKRAAM_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check miskraam tests benchmark

# The browser tests need Debian's chromium (Playwright's own browser download does not work
# offline). Installed here when we are root on Debian; otherwise we say how.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium ontbreekt ($(CHROMIUM)). Installeer het met: sudo apt-get install chromium"; \
		echo "of geef een ander pad op: make test CHROMIUM=/pad/naar/chromium"; \
		exit 1; \
	fi

benchmark: $(STAMP) chromium
	MISKRAAM_CHROMIUM=$(CHROMIUM) $(BIN)/python benchmark/run.py

clean:
	rm -rf _build
