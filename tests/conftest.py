"""Shared fixtures: the shipped seed data, validated once, loaded once into a real store.

The store is embedded LadybugDB unless ORGMAP_TEST_BACKEND=neo4j (make test's Neo4j part, or
`make test-neo4j`): then the engine-dependent tests, with the same expected answers, run against
the Neo4j server ORGMAP_NEO4J_URI names.
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


# What makes a test engine-dependent: it reaches the backend under test through the seed graph's
# settings (store, client, fresh_store and live_server all start from it), or says so with the
# `engine` marker. On Neo4j only those run; the rest test code that no engine changes and ran
# once already, on the embedded engine.
ENGINE_FIXTURE = "seed_settings"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND == "ladybug":
        return
    kept: list[pytest.Item] = []
    left: list[pytest.Item] = []
    for item in items:
        engine = ENGINE_FIXTURE in getattr(item, "fixturenames", ())
        (kept if engine or item.get_closest_marker("engine") else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


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
def own_settings(
    tmp_path: Path, loaded_db: Path, seed_settings: Settings, seed_bundle: GraphBundle
) -> Iterator[Settings]:
    """Settings of a seed graph that a test may write to (loads, imports, saved maps): a copy of
    the file on the embedded engine; on Neo4j the server's one graph, put back afterwards."""
    if BACKEND == "ladybug":
        path = tmp_path / "own.lbug"
        path.write_bytes(loaded_db.read_bytes())
        yield Settings(db_path=path)
        return
    yield seed_settings
    with open_store(seed_settings) as store:
        for saved in store.run("saved_maps", {}):  # a load keeps saved maps: delete them
            store.write("delete_saved_map", {"id": saved["id"]})
        load_bundle(store, seed_bundle, SEED_DIR)


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
def env_store(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    seed_settings: Settings,
    seed_bundle: GraphBundle,
) -> Iterator[str]:
    """The CLI pointed at the engine under test, as it reads its environment: a fresh file on
    the embedded engine; on Neo4j the server, its seed graph put back afterwards. Gives where
    the CLI says it loads into."""
    get_settings.cache_clear()
    if BACKEND == "ladybug":
        path = tmp_path / "cli.lbug"
        monkeypatch.setenv("ORGMAP_DB_PATH", str(path))
        yield str(path)
    else:
        monkeypatch.setenv("ORGMAP_BACKEND", "neo4j")  # ORGMAP_NEO4J_* are set for the run
        yield seed_settings.graph_location
        with open_store(seed_settings) as store:
            load_bundle(store, seed_bundle, SEED_DIR)
    get_settings.cache_clear()


@pytest.fixture
def env_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point ORGMAP_DB_PATH (as the CLI reads it) at a fresh path."""
    path = tmp_path / "cli.lbug"
    monkeypatch.setenv("ORGMAP_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
