"""Shared fixtures: the shipped seed data, validated once, loaded once into a real LadybugDB."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import PROJECT_ROOT, Settings, get_settings
from app.graph.load import load_bundle
from app.ingest.seed_files import ValidationReport, validate_directory
from app.model import GraphBundle
from app.store.ladybug import LadybugStore

SEED_DIR = PROJECT_ROOT / "seed_data"
SOURCES_DIR = Settings().sources_dir


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
    path = tmp_path_factory.mktemp("db") / "seed.lbug"
    store = LadybugStore(path)
    load_bundle(store, seed_bundle, SEED_DIR)
    store.close()
    return path


@pytest.fixture
def store(loaded_db: Path) -> Iterator[LadybugStore]:
    opened = LadybugStore(loaded_db)
    yield opened
    opened.close()


@pytest.fixture
def client(loaded_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=loaded_db))) as test_client:
        yield test_client


@pytest.fixture
def env_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point ORGMAP_DB_PATH (as the CLI reads it) at a fresh path."""
    path = tmp_path / "cli.lbug"
    monkeypatch.setenv("ORGMAP_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
