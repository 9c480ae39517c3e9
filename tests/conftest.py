"""Shared fixtures: the shipped seed data, validated once, loaded once into a real store.

The store is embedded LadybugDB unless ORGMAP_TEST_BACKEND=neo4j (`make test-neo4j`): then the
same tests and the same expected answers run against the Neo4j server ORGMAP_NEO4J_URI names.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import PROJECT_ROOT, Settings, get_settings
from app.graph.load import load_bundle
from app.ingest.seed_files import ValidationReport, validate_directory
from app.model import GraphBundle
from app.store import GraphStore, open_store
from app.store.base import GraphTables
from app.store.ladybug import LadybugStore

SEED_DIR = PROJECT_ROOT / "seed_data"
SOURCES_DIR = Settings().sources_dir
BACKEND = os.environ.get("ORGMAP_TEST_BACKEND", "ladybug")
if BACKEND not in ("ladybug", "neo4j"):
    raise RuntimeError(f"ORGMAP_TEST_BACKEND must be ladybug or neo4j, not {BACKEND!r}")
if BACKEND == "neo4j" and not os.environ.get("ORGMAP_NEO4J_URI"):
    raise RuntimeError("ORGMAP_TEST_BACKEND=neo4j needs ORGMAP_NEO4J_URI (and _PASSWORD)")


def backend_settings(db_path: Path) -> Settings:
    """Settings for the backend under test; `db_path` is used by the embedded one only."""
    if BACKEND == "neo4j":
        return Settings(backend="neo4j")  # ORGMAP_NEO4J_* from the environment
    return Settings(db_path=db_path)


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    assert SOURCES_DIR.is_dir(), f"source documents not found at {SOURCES_DIR}"
    return SOURCES_DIR


@pytest.fixture(scope="session")
def seed_report(sources_dir: Path) -> ValidationReport:
    return validate_directory(SEED_DIR, sources_dir)


@pytest.fixture(scope="session")
def seed_bundle(seed_report: ValidationReport) -> GraphBundle:
    assert seed_report.ok, "\n".join(map(str, seed_report.problems))
    assert seed_report.bundle is not None
    return seed_report.bundle


@pytest.fixture(scope="session")
def loaded_db(tmp_path_factory: pytest.TempPathFactory, seed_bundle: GraphBundle) -> Path:
    """The seed graph in an embedded database file (for tests of the embedded engine itself)."""
    path = tmp_path_factory.mktemp("db") / "seed.lbug"
    store = LadybugStore(path)
    load_bundle(store, seed_bundle, SEED_DIR)
    store.close()
    return path


@pytest.fixture
def own_db(tmp_path: Path, loaded_db: Path) -> Path:
    """A copy of the seed graph that a test may write to."""
    path = tmp_path / "own.lbug"
    path.write_bytes(loaded_db.read_bytes())
    return path


@pytest.fixture(scope="session")
def seed_settings(loaded_db: Path, seed_bundle: GraphBundle) -> Settings:
    """Settings naming the seed graph on the backend under test."""
    settings = backend_settings(loaded_db)
    if BACKEND == "neo4j":
        store = open_store(settings)
        load_bundle(store, seed_bundle, SEED_DIR)
        store.close()
    return settings


@pytest.fixture
def store(seed_settings: Settings) -> Iterator[GraphStore]:
    opened = open_store(seed_settings)
    yield opened
    opened.close()


@pytest.fixture
def client(seed_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(seed_settings)) as test_client:
        yield test_client


@pytest.fixture
def fresh_store(
    tmp_path: Path, seed_settings: Settings, seed_bundle: GraphBundle
) -> Iterator[Callable[[str], GraphStore]]:
    """Stores over an empty graph of their own: `fresh_store(name)` again gives another store
    object over the same graph. On Neo4j that graph is the server's one database, so the seed
    graph is loaded back afterwards for the tests that follow."""
    opened: list[GraphStore] = []

    def make(name: str) -> GraphStore:
        made = open_store(backend_settings(tmp_path / f"{name}.lbug"))
        if BACKEND == "neo4j" and not opened:
            made.replace_graph(GraphTables.of({}, []))
        opened.append(made)
        return made

    yield make
    if BACKEND == "neo4j" and opened:
        load_bundle(opened[0], seed_bundle, SEED_DIR)
    for made in opened:
        made.close()


@pytest.fixture
def env_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point ORGMAP_DB_PATH (as the CLI reads it) at a fresh path."""
    path = tmp_path / "cli.lbug"
    monkeypatch.setenv("ORGMAP_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
