# The two commands of the README: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/orgmap load
	$(BIN)/orgmap serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

# Benchmarks (not part of test; a tiny run of the harness is): 10k, 100k and 1M nodes, with
# networkx and SQLite baselines. Results go to bench/results/. Takes about half an hour.
bench: setup
	$(BIN)/python -m bench.run --sizes 10000 100000 1000000

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
