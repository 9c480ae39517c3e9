"""docker-compose.yml against the official Compose Specification JSON Schema, and its wiring:
Neo4j healthy before the loader, the loader done before the API, no default password.
No Docker engine runs on our build machines; where `docker compose` exists it checks too."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml

from app.config import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
SPEC = Path(__file__).resolve().parent.parent / "fixtures" / "compose" / "compose-spec.json"
_VARIABLE = re.compile(r"\$\{(\w+)(?::([?-])([^}]*))?\}")


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} ($$ is a literal $)."""

    def value(match: re.Match[str]) -> str:
        name, op, arg = match.groups()
        if env.get(name):
            return env[name]
        if op == "?":
            raise KeyError(f"{name}: {arg}")
        return arg if op == "-" else ""

    return _VARIABLE.sub(value, text.replace("$$", "\0")).replace("\0", "$")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def test_the_file_is_valid_against_the_compose_specification(compose: dict[str, Any]) -> None:
    schema = json.loads(SPEC.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors]
    # The schema is not a rubber stamp: a misspelt key is refused.
    broken = {**compose, "services": {**compose["services"], "api": {"imgae": "x"}}}
    assert list(validator.iter_errors(broken))


def test_neo4j_is_a_pinned_5x_image_with_a_cypher_shell_healthcheck(
    compose: dict[str, Any],
) -> None:
    neo4j = compose["services"]["neo4j"]
    assert re.fullmatch(r"neo4j:5\.\d+\.\d+(-community|-enterprise)?", neo4j["image"])
    # the Neo4j the tests run on (tools/neo4j-server/pom.xml), so that production is tested
    pom = ElementTree.parse(PROJECT_ROOT / "tools" / "neo4j-server" / "pom.xml").getroot()
    tested = pom.findtext(
        "{http://maven.apache.org/POM/4.0.0}properties/"
        "{http://maven.apache.org/POM/4.0.0}neo4j.version"
    )
    assert tested and neo4j["image"].split(":")[1].split("-")[0] == tested
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert {v.split(":")[1] for v in neo4j["volumes"]} >= {"/data", "/logs"}
    assert all(v.split(":")[0] in compose["volumes"] for v in neo4j["volumes"])  # named


def test_the_loader_waits_for_neo4j_and_the_api_for_the_loader(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["loader"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert services["loader"]["command"][:2] == ["orgmap", "load"]
    assert services["loader"]["restart"] == "no"
    api = services["api"]
    assert api["depends_on"]["loader"]["condition"] == "service_completed_successfully"
    assert api["command"][:2] == ["orgmap", "serve"] and "--workers" in api["command"]
    for name in ("loader", "api"):
        assert services[name]["build"] == "."
        assert services[name]["environment"]["ORGMAP_BACKEND"] == "neo4j"


def test_there_is_no_default_password() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    uses = re.findall(r"\$\{NEO4J_PASSWORD[^}]*\}", text)
    assert uses and all(u.startswith("${NEO4J_PASSWORD:?") for u in uses), uses
    with pytest.raises(KeyError, match="NEO4J_PASSWORD"):
        interpolate(text, {})
    resolved = yaml.safe_load(interpolate(text, {"NEO4J_PASSWORD": "s3cret"}))
    assert resolved["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == "neo4j/s3cret"
    assert resolved["services"]["api"]["environment"]["ORGMAP_NEO4J_PASSWORD"] == "s3cret"


def test_the_image_runs_as_a_non_root_user_on_python_3_11_slim() -> None:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r'^CMD \["orgmap", "serve"', dockerfile, re.M)


def test_docker_compose_accepts_the_file_where_it_exists() -> None:
    docker = shutil.which("docker")
    has_compose = docker is not None and (
        subprocess.run([docker, "compose", "version"], capture_output=True, check=False).returncode
        == 0
    )
    if docker is None or not has_compose:
        pytest.skip("no `docker compose` on this machine: the schema tests above are the check")
    env = {"NEO4J_PASSWORD": "s3cret", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE), "config", "-q"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
