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
    assert str(failure.value) == "the graph server is unreachable"  # an answer names no address
    assert failure.value.internal  # the log and the CLI do
    assert failure.value.internal.startswith(f"Neo4j at {nowhere.neo4j_uri}: ")
    assert "\n" not in failure.value.internal


def test_a_uri_that_makes_no_sense_is_one_clear_error() -> None:
    with pytest.raises(
        StoreUnavailableError, match=r"address is not valid \(ORGMAP_NEO4J_URI\)"
    ) as bad:
        open_store(Settings(backend="neo4j", neo4j_uri="ftp://x:7687"))
    assert bad.value.internal and bad.value.internal.startswith("'ftp://x:7687': ")


def test_health_says_the_backend_is_down(nowhere: Settings) -> None:
    with TestClient(create_app(nowhere)) as client:
        answer = client.get("/health")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["backend"] == "neo4j" and body["title"] == "Graph store unavailable"
    assert body["detail"] == "the graph server is unreachable"
    assert "127.0.0.1" not in answer.text


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
    expected = f"error: the graph server is unreachable (Neo4j at {nowhere.neo4j_uri}: "
    assert result.stderr.startswith(expected)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(BACKEND != "neo4j", reason="needs a Neo4j server: make test-neo4j")
def test_wrong_credentials_are_one_clear_error() -> None:
    settings = Settings(backend="neo4j", neo4j_password=SecretStr("surely-not-the-password"))
    with pytest.raises(StoreUnavailableError, match="rejected OrgMap's credentials") as refused:
        open_store(settings).read("RETURN 1 AS one", {})
    assert refused.value.internal and "rejected the credentials of user" in refused.value.internal
