"""The Neo4j adapter's own mechanisms: a server that cannot be reached, or a URI that makes no
sense, is one clear line, and /health says the backend is down (no server needed); wrong
credentials, and the schema a load applies (on make test's Neo4j server). Everything else
about Neo4j runs in the engine-dependent tests, on both engines."""

import re
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
from app.store import GraphStore, open_store
from app.store.neo4j import Neo4jStore
from app.store.statements import schema_statements
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


@pytest.mark.engine
@pytest.mark.skipif(BACKEND != "neo4j", reason="about a Neo4j server's own credentials check")
def test_wrong_credentials_are_one_clear_error() -> None:
    settings = Settings(backend="neo4j", neo4j_password=SecretStr("surely-not-the-password"))
    with pytest.raises(StoreUnavailableError, match="rejected OrgMap's credentials") as refused:
        open_store(settings).read("RETURN 1 AS one", {})
    assert refused.value.internal and "rejected the credentials of user" in refused.value.internal


def test_a_load_leaves_every_constraint_and_index_of_the_schema_online(store: GraphStore) -> None:
    if store.backend != "neo4j":
        pytest.skip("about Neo4j's own schema; LadybugDB's is its table definitions")
    declared = {
        match.group(1)
        for command in schema_statements("neo4j")
        if (match := re.match(r"CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+)", command))
    }
    assert len(declared) >= 20
    constraints = {r["name"] for r in store.read("SHOW CONSTRAINTS YIELD name", {})}
    indexes = {r["name"]: r["state"] for r in store.read("SHOW INDEXES YIELD name, state", {})}
    assert declared <= constraints | set(indexes)
    assert all(indexes[name] == "ONLINE" for name in declared & set(indexes))


@pytest.mark.parametrize(
    "uri",
    [
        "neo4j://core-1.example.invalid:7687",  # a cluster: the driver routes reads and writes
        "neo4j+s://abc123.databases.neo4j.io",  # Aura: routing over TLS
        "bolt+s://db.example.invalid:7687",  # one server over TLS
    ],
)
def test_cluster_and_aura_addresses_make_a_store(uri: str) -> None:
    """The README's cluster settings are real ones: the driver takes each address (it connects
    on first use, so none of these needs to exist)."""
    store = open_store(Settings(backend="neo4j", neo4j_uri=uri, neo4j_password=SecretStr("x")))
    assert isinstance(store, Neo4jStore) and store.uri == uri
    store.close()
