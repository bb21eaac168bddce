# One task runner for the project. `make run` and `make test` set everything up from scratch.
#   make run     venv (requirements.txt) -> tables in data/processed -> streamlit run app.py with a cache
#                warm-up (lib/dashboard/launch.py: Streamlit's CLI in-process)
#   make test    venv (+ requirements-dev.txt) -> ruff check -> pytest (whole suite, browser tests included)
#   make lint | data | bench | clean | distclean

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
PORT    ?= 8501
ADDRESS ?= localhost

RUNTIME_STAMP := $(VENV)/.stamp-requirements
DEV_STAMP     := $(VENV)/.stamp-requirements-dev

# The store is a folder of versioned builds; make's target is the current build's manifest. Its
# recipe always runs; lib.store.fresh (no extractor imported) and then the pipeline (--if-stale, under the
# store's lock) decide: they compare the manifest with the raw
# files' sizes and mtimes (hashing them only when those differ) and with the extractor version,
# and return at once when nothing changed. make never sees the raw file names, so any name works
# (spaces, colons). Exit 0 also when some raw files were bad (they are listed); non-zero when no
# build could be made, so `make run` does not start a dashboard over nothing.
MANIFEST := data/processed/current/manifest.json

.PHONY: help run test lint data bench clean distclean venv venv-dev FORCE

help:
	@echo "make run        set up .venv, build the tables if stale, run the dashboard on http://$(ADDRESS):$(PORT)"
	@echo "make test       set up .venv with dev tools, ruff check, then the whole pytest suite"
	@echo "make lint       ruff check only"
	@echo "make data       write a new build in data/processed when inputs or code changed"
	@echo "make bench      run benchmarks/*.py"
	@echo "make clean      remove generated tables, caches and test artifacts (keeps .venv)"
	@echo "make distclean  clean, and remove .venv"

# --- virtualenv: rebuilt when a requirements file is newer than its stamp ------------------
$(RUNTIME_STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV) || { \
	  echo "error: '$(PYTHON3) -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv" >&2; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt requirements-dask.txt $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(RUNTIME_STAMP)
venv-dev: $(DEV_STAMP)

# --- tables ------------------------------------------------------------------------------------
$(MANIFEST): FORCE | $(RUNTIME_STAMP)
	@$(PY) -m lib.store.fresh || $(PY) -m lib.pipeline --if-stale

data: $(MANIFEST)

FORCE:

# --- dashboard ------------------------------------------------------------------------------
run: $(RUNTIME_STAMP) $(MANIFEST)
	@echo "Dashboard: http://$(ADDRESS):$(PORT)  (Ctrl+C to stop; make run PORT=... ADDRESS=0.0.0.0 to change)"
	$(PY) -m lib.dashboard.launch --server.headless true \
	  --server.address $(ADDRESS) --server.port $(PORT)

# --- checks: a lint failure fails the run; so does any pytest exit code but 0 (5 = no tests) ---
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .

test: lint
	$(VENV)/bin/pytest

bench: $(DEV_STAMP) $(MANIFEST)
	@benches="$(wildcard benchmarks/*.py)"; \
	if [ -z "$$benches" ]; then echo "no benchmarks in benchmarks/"; exit 0; fi; \
	for b in $$benches; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf data/processed test-artifacts .pytest_cache .ruff_cache .hypothesis data/cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
