"""The Neo4j adapter where no server is needed: a server that cannot be reached, or a URI
that makes no sense, is one clear line, and /health says the backend is down. (Everything
else about Neo4j runs in the conformance suite under `make test-neo4j`.)"""

import socket
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from app.api.main import create_app
from app.cli import app as cli
from app.config import Settings, get_settings
from app.errors import StoreUnavailableError
from app.store import open_store
from app.store.neo4j import Neo4jStore
from tests.conftest import BACKEND


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def nowhere(closed_port: int) -> Settings:
    return Settings(
        backend="neo4j",
        neo4j_uri=f"bolt://127.0.0.1:{closed_port}",
        neo4j_password=SecretStr("not-used"),
        query_timeout_s=2,
    )


def test_the_backend_setting_picks_the_adapter(nowhere: Settings) -> None:
    store = open_store(nowhere)
    assert isinstance(store, Neo4jStore) and store.backend == "neo4j"


def test_an_unreachable_server_is_one_clear_error(nowhere: Settings) -> None:
    store = open_store(nowhere)
    with pytest.raises(StoreUnavailableError) as failure:
        store.read("RETURN 1 AS one", {})
    assert str(failure.value).startswith(f"Neo4j at {nowhere.neo4j_uri} is unreachable")
    assert "\n" not in str(failure.value)


def test_a_uri_that_makes_no_sense_is_one_clear_error() -> None:
    with pytest.raises(StoreUnavailableError, match="bad ORGMAP_NEO4J_URI 'ftp://x:7687'"):
        open_store(Settings(backend="neo4j", neo4j_uri="ftp://x:7687"))


def test_health_says_the_backend_is_down(nowhere: Settings) -> None:
    with TestClient(create_app(nowhere)) as client:
        answer = client.get("/health")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["backend"] == "neo4j" and body["title"] == "Graph store unavailable"
    assert "is unreachable" in body["detail"]


@pytest.fixture
def neo4j_env(monkeypatch: pytest.MonkeyPatch, nowhere: Settings) -> Iterator[None]:
    monkeypatch.setenv("ORGMAP_BACKEND", "neo4j")
    monkeypatch.setenv("ORGMAP_NEO4J_URI", nowhere.neo4j_uri)
    monkeypatch.setenv("ORGMAP_NEO4J_PASSWORD", "not-used")
    monkeypatch.setenv("ORGMAP_QUERY_TIMEOUT_S", "2")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("neo4j_env")
def test_orgmap_backend_switches_the_cli(nowhere: Settings) -> None:
    result = CliRunner().invoke(cli, ["stats"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: Neo4j at {nowhere.neo4j_uri} is unreachable")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(BACKEND != "neo4j", reason="needs a Neo4j server: make test-neo4j")
def test_wrong_credentials_are_one_clear_error() -> None:
    settings = Settings(backend="neo4j", neo4j_password=SecretStr("surely-not-the-password"))
    with pytest.raises(StoreUnavailableError, match="rejected the credentials of user"):
        open_store(settings).read("RETURN 1 AS one", {})
