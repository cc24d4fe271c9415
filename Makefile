# rrdesk: two commands on a fresh machine.
#   make demo   set up .venv and open the app on a throwaway demo store
#   make test   set up .venv and run lint, type checks, import contracts and the whole test suite
#               (in two processes: the walks in one, every other test and the longest walk in the other)
#   make lock   bring requirements/all.txt, the exact versions (with hashes) everything installs,
#               in line with pyproject.toml, keeping every pin it can; UPGRADE=1 moves all to the newest
#   make outdated   what has moved on since the lock
#   make frozen     the frozen one-folder build (dist/rrdesk), checked with its self-test
#   make installer  the frozen one-folder build and both Windows installers, compiled under wine
#                   (installer/build_installer.sh says what to install first)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements/all.txt

.PHONY: demo test check unit bench clean lock outdated frozen installer

# The exact versions in the lock, each checked against its hash; then rrdesk itself, editable.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# On purpose only: every platform's wheels (Windows for the frozen build), Python 3.11 and later.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/python -m uv pip compile pyproject.toml --universal --generate-hashes \
	  --python-version 3.11 --extra test --extra freeze --custom-compile-command "make lock" \
	  $(if $(UPGRADE),--upgrade) -o $(LOCK)

outdated: $(STAMP)
	$(BIN)/python -m pip list --outdated

demo: $(STAMP)
	$(BIN)/rrdesk --demo

check: $(STAMP)
	$(BIN)/ruff check rrdesk tests $(wildcard installer)
	$(BIN)/ruff format --check rrdesk tests $(wildcard installer)
	$(BIN)/mypy rrdesk
	$(BIN)/lint-imports

# The walks wait on their screens most of the time, so they run beside the other tests (see
# tests/conftest.py): two processes, each running its share one test after another. The slowest
# tests are listed at the end, to see where the time goes.
test: check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --durations=12

unit: $(STAMP)
	$(BIN)/python -m pytest -m "not gui and not slow"

bench: $(STAMP)
	for f in tests/bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

frozen: $(STAMP)
	PYTHON=$(BIN)/python bash installer/build_frozen.sh

installer: frozen
	bash installer/build_installer.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
