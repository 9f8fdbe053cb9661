# Development tasks for townkpi. Needs only python3 (3.11+) with venv and pip, and PyPI.
#
#   make demo    set up and validate the Guanhaiwei report
#   make test    set up and run every test, type check, lint and the strict docs build

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Sector packs: every plugins/*/ directory with a pyproject.toml (there may be none).
PLUGIN_PROJECTS := $(wildcard plugins/*/pyproject.toml)
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(PLUGIN_PROJECTS))
PLUGIN_SRC := $(wildcard plugins/*/src)

.DEFAULT_GOAL := help

.PHONY: help venv test demo bench fuzz docs-serve clean

help:
	@echo "make venv        create $(VENV) and install townkpi, the plugins and the dev tools"
	@echo "make test        pytest, mypy --strict, ruff check, ruff format --check, mkdocs build --strict"
	@echo "make demo        validate the Guanhaiwei report (examples/guanhaiwei)"
	@echo "make bench       run the benchmarks (benchmarks/run.py, benchmarks/adversarial.py)"
	@echo "make fuzz        run the tests marked fuzz with the fuzz Hypothesis profile"
	@echo "make docs-serve  serve the docs with live reload"
	@echo "make clean       remove $(VENV), build output and caches"

venv: $(STAMP)

# pip 25.1 is the first with `pip install --group` (PEP 735 dependency groups).
$(STAMP): pyproject.toml $(PLUGIN_PROJECTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade "pip>=25.1"
	$(BIN)/python -m pip install -e . $(foreach dir,$(PLUGIN_DIRS),-e ./$(dir)) --group dev
	touch $@

test: venv
	$(BIN)/pytest
	$(BIN)/mypy --strict src $(PLUGIN_SRC)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mkdocs build --strict --site-dir site

demo: venv
	$(BIN)/python examples/guanhaiwei/validate.py

# The bench group holds the peer extractor (jionlp) and the profiler; BENCH_ARGS=--quick for a
# shorter run, BENCH_ARGS=--profile to add a profile.
bench: venv
	$(BIN)/python -m pip install --quiet --group bench
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/adversarial.py $(BENCH_ARGS)

# pytest exits with 5 when no test is marked fuzz yet; that is not a failure here.
fuzz: venv
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -m fuzz; \
	status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests are marked fuzz yet"; exit 0; fi; \
	exit $$status

docs-serve: venv
	$(BIN)/mkdocs serve

clean:
	rm -rf $(VENV) site dist build .mypy_cache .ruff_cache .pytest_cache .hypothesis .benchmarks
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +
