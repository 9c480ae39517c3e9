"""Schemathesis against the app's own OpenAPI document, over real HTTP (uvicorn), with every
check it has: no server error, every status, content type, header and body as declared,
schema-valid requests accepted and invalid ones refused, 405s with Allow, auth not ignored;
a fixed seed and a few examples per operation, the stateful phase included."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
KEY = "schemathesis-key-0123456789"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, loaded_db: Path) -> Iterator[tuple[str, Path]]:
    """`orgmap serve` on a copy of the seed graph (imports write to it), with a key."""
    db = tmp_path / "served.lbug"
    db.write_bytes(loaded_db.read_bytes())
    port = _free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "ORGMAP_DB_PATH": str(db), "ORGMAP_API_KEY": KEY}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, log.read_text()
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    yield url, log
    process.terminate()
    process.wait(timeout=30)


def test_schemathesis_finds_nothing(server: tuple[str, Path], tmp_path: Path) -> None:
    url, log = server
    command = [
        str(SCHEMATHESIS),
        "--no-color",
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        os.environ.get("ORGMAP_SCHEMATHESIS_EXAMPLES", "5"),
        "--seed",
        os.environ.get("ORGMAP_SCHEMATHESIS_SEED", "1"),
        "--generation-database",
        "none",
        "--header",
        f"X-API-Key: {KEY}",
        "--request-timeout",
        "30",
        # HEAD runs the GET route and drops the body (test_hardening checks that): testing
        # every HEAD operation again would double the run for nothing new.
        "--exclude-method",
        "HEAD",
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    report = done.stdout[-6000:]
    assert done.returncode == 0, report
    assert "Stateful" in report and "🚫 Stateful" not in report  # the stateful phase ran
    served = log.read_text()
    assert "Traceback" not in served, served[-4000:]
    assert " 500 " not in served
