# The two commands of the README: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
CHROMIUM := /usr/bin/chromium
DOT := /usr/bin/dot
# The picture tests read SVG and PDF back as a reader would: librsvg's and poppler's tools.
READERS := /usr/bin/rsvg-convert /usr/bin/pdftotext
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# One apt-get at a time, when make installs several side by side (test-prerequisites).
APT := $(SUDO) flock $(or $(TMPDIR),/tmp)/orgmap-apt.lock env DEBIAN_FRONTEND=noninteractive apt-get
LINTER := tools/cypher-lint
LINTER_STAMP := $(LINTER)/node_modules/.installed
# Neo4j Community for the tests and `make neo4j` (tools/neo4j-server: a pom and one class).
NEO4J := tools/neo4j-server
NEO4J_JAR := $(NEO4J)/target/neo4j-server-1.jar

.PHONY: setup run test test-prerequisites lint typecheck unit unit-first unit-second unit-neo4j neo4j test-neo4j notebook bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,notebooks]'
	touch $(STAMP)

# Neo4j's own Cypher parser (npm, pinned by the lock file): the tests lint every Neo4j statement.
$(LINTER_STAMP): $(LINTER)/package.json $(LINTER)/package-lock.json
	npm ci --prefix $(LINTER) --no-audit --no-fund --loglevel=error
	touch $(LINTER_STAMP)

setup: $(STAMP)

$(CHROMIUM):
	$(APT) update -qq
	$(APT) install -y -qq --no-install-recommends chromium

# Graphviz lays the hierarchical maps out (`dot`); DejaVu is the font it measures and draws.
$(DOT):
	$(APT) update -qq
	$(APT) install -y -qq --no-install-recommends graphviz fonts-dejavu-core

$(READERS):
	$(APT) update -qq
	$(APT) install -y -qq --no-install-recommends librsvg2-bin poppler-utils

run: setup $(DOT)
	$(BIN)/orgmap load
	$(BIN)/orgmap serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

unit: setup $(LINTER_STAMP) $(CHROMIUM) $(DOT) $(READERS)
	$(BIN)/pytest

# The suite's engine-dependent tests again, against a live Neo4j started for the run and
# stopped whatever the outcome (tools/neo4j-server/with-neo4j); tests/conftest.py picks them.
unit-neo4j: setup $(LINTER_STAMP) $(CHROMIUM) $(DOT) $(READERS) $(NEO4J_JAR)
	mkdir -p $(TESTS_TMP)
	$(NEO4J)/with-neo4j env ORGMAP_TEST_BACKEND=neo4j $(BIN)/pytest --basetemp=$(TESTS_TMP)/neo4j

# make test keeps both cores busy: the embedded suite in two parts (the second is everything
# the first is not) and the Neo4j run, two at a time (the longest first, the Neo4j run beside
# it, then the short part), each with a temporary folder of its own and its output shown whole
# when it ends. What they need is set up first (one apt-get at a time, and the Neo4j server
# built), so that the parts start in that order.
TESTS_TMP := $(or $(TMPDIR),/tmp)/orgmap-tests
FIRST_HALF := tests/robustness tests/store tests/neo4j tests/notebooks tests/deploy \
  tests/viz tests/cli tests/test_bench.py tests/test_synthetic.py
unit-first: setup
	mkdir -p $(TESTS_TMP)
	$(BIN)/pytest --basetemp=$(TESTS_TMP)/first $(FIRST_HALF)
unit-second: setup
	mkdir -p $(TESTS_TMP)
	$(BIN)/pytest --basetemp=$(TESTS_TMP)/second $(addprefix --ignore=,$(FIRST_HALF))

test: test-prerequisites
	$(MAKE) --no-print-directory -j2 --output-sync=target unit-first unit-neo4j unit-second
# What the runs need, set up side by side (pip, npm and Maven mostly wait on the network, and a
# fresh clone fetches with all three), lint and type check as soon as the Python environment is
# there; the apt-get installs take turns (flock, in APT above).
test-prerequisites:
	$(MAKE) --no-print-directory -j3 --output-sync=target lint typecheck $(LINTER_STAMP) \
	  $(NEO4J_JAR) $(CHROMIUM) $(DOT) $(READERS)

# Neo4j Community 5.26 (LTS, Java 17) with Bolt on 127.0.0.1, built by Maven from pinned
# versions into a local repository folder (tools/neo4j-server); stops cleanly on Ctrl-C/SIGTERM.
NEO4J_PORT ?= 7687
NEO4J_DATA ?= data/neo4j

$(NEO4J_JAR): $(NEO4J)/pom.xml $(NEO4J)/src/main/java/orgmap/Neo4jServer.java
	mvn -q -B -f $(NEO4J)/pom.xml -Dmaven.repo.local=$(CURDIR)/$(NEO4J)/.m2 package

neo4j: $(NEO4J_JAR)
	ORGMAP_NEO4J_PASSWORD="$${ORGMAP_NEO4J_PASSWORD:-orgmap-local}" \
	  java -cp "$(NEO4J)/target/classes:$(NEO4J)/target/lib/*" orgmap.Neo4jServer $(NEO4J_DATA) $(NEO4J_PORT)

# make test's Neo4j part against a Neo4j server of yours (README, "Production"): set
# ORGMAP_NEO4J_URI and ORGMAP_NEO4J_PASSWORD. The server's graph is replaced by the seed graph.
test-neo4j: setup $(LINTER_STAMP) $(CHROMIUM) $(DOT) $(READERS)
	@test -n "$$ORGMAP_NEO4J_URI" || { echo "set ORGMAP_NEO4J_URI and ORGMAP_NEO4J_PASSWORD (README: Production)"; exit 2; }
	ORGMAP_TEST_BACKEND=neo4j $(BIN)/pytest

# Jupyter with the project's environment, on the loaded graph (loaded first if there is none).
notebook: setup
	@test -e "$${ORGMAP_DB_PATH:-data/orgmap.lbug}" || [ "$${ORGMAP_BACKEND:-ladybug}" != ladybug ] || $(BIN)/orgmap load
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# Benchmarks (not part of test; a tiny run of the harness is): 10k, 100k and 1M nodes, with
# networkx and SQLite baselines; then LadybugDB and Neo4j side by side at 100k and 1M (loads,
# each question cold and warm, statements per answer). Results go to bench/results/.
bench: setup $(CHROMIUM) $(NEO4J_JAR)
	$(BIN)/python -m bench.run --sizes 10000 100000 1000000
	NEO4J_HEAP=$${NEO4J_HEAP:-12g} $(NEO4J)/with-neo4j $(BIN)/python -m bench.engines --sizes 100000 1000000 --replace-limit-s 900

# Regenerate cypher/schema/ladybug.cypher from the models (after changing a model or an edge's
# endpoints); a test fails while the checked-in file differs from this render.
schema: setup
	$(BIN)/python -m app.store.ladybug_schema

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache $(LINTER)/node_modules
