# rrdesk: two commands on a fresh machine.
#   make demo   set up .venv and open the app on a throwaway demo store
#   make test   set up .venv and run lint, type checks, import contracts and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rrdesk --demo

check: $(STAMP)
	$(BIN)/ruff check rrdesk tests $(wildcard installer)
	$(BIN)/ruff format --check rrdesk tests $(wildcard installer)
	$(BIN)/mypy rrdesk
	$(BIN)/lint-imports

test: check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

unit: $(STAMP)
	$(BIN)/python -m pytest -m "not gui and not slow"

bench: $(STAMP)
	for f in tests/bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info
