"""Whole-graph exports over HTTP: written once per revision of the graph by a process of
their own, served from the file, never built inside a request."""

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from app.api.main import create_app
from app.config import Settings
from app.errors import GraphChangedError
from app.graph.load import load_bundle
from app.interop.exports import export_file
from app.model import GraphBundle
from app.store.base import Row
from app.store.ladybug import LadybugStore

PROBLEM = "application/problem+json"


def _copy(loaded_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "graph.lbug"
    path.write_bytes(loaded_db.read_bytes())
    return path


def test_an_export_is_written_once_per_revision_and_served_from_the_file(
    tmp_path: Path, loaded_db: Path, seed_bundle: GraphBundle
) -> None:
    settings = Settings(db_path=_copy(loaded_db, tmp_path), query_timeout_s=60)
    with TestClient(create_app(settings)) as client:
        first = client.get("/api/v1/exports/turtle")
        assert first.status_code == 200, first.text
        assert first.headers["content-type"].startswith("text/turtle")
        assert 'filename="orgmap.ttl"' in first.headers["content-disposition"]
        (file,) = settings.exports.glob("*/orgmap.ttl")
        written_at = file.stat().st_mtime_ns
        again = client.get("/api/v1/exports/turtle")
        assert again.content == first.content
        assert file.stat().st_mtime_ns == written_at  # served, not written again
        assert client.head("/api/v1/exports/turtle").status_code == 200
        people = Graph().parse(data=first.content, format="turtle")
        assert len(people) > 1000

        smaller = GraphBundle(seed_bundle.sources, seed_bundle.nodes[:10], [])
        load_bundle(LadybugStore(settings.db_path), smaller, "smaller")
        after = client.get("/api/v1/exports/turtle")
        assert after.status_code == 200
        assert len(after.content) < len(first.content)  # the new revision's graph
        assert not file.exists()  # the older revision's export is gone
        assert len(list(settings.exports.iterdir())) == 1


def test_a_request_that_cannot_wait_is_told_when_to_come_back(
    tmp_path: Path, loaded_db: Path
) -> None:
    path = _copy(loaded_db, tmp_path)
    # 0.7 s to wait: less than a writer process needs to start (Python alone takes longer).
    impatient = Settings(db_path=path, query_timeout_s=1.0)
    with TestClient(create_app(impatient)) as client:
        client.get("/health")  # the graph is opened (that is not what this test is about)
        pending = client.get("/api/v1/exports/popolo")
    assert pending.status_code == 503
    assert pending.headers["content-type"] == PROBLEM
    assert pending.headers["retry-after"] == "10"
    assert pending.json()["title"] == "Export being written"
    with TestClient(create_app(Settings(db_path=path, query_timeout_s=60))) as client:
        deadline = time.monotonic() + 120
        while (done := client.get("/api/v1/exports/popolo")).status_code == 503:
            assert time.monotonic() < deadline
            time.sleep(0.2)
    assert done.status_code == 200
    assert len(done.json()["persons"]) == 9
    assert len(list(impatient.exports.glob("*/orgmap.popolo.json"))) == 1  # written once


class _SwappedMidWay(LadybugStore):
    """A real store whose graph another write replaces after a few reads of an export."""

    def __init__(self, path: Path, replacement: GraphBundle) -> None:
        super().__init__(path)
        self.reads, self.replacement = 0, replacement

    def read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        self.reads += 1
        if self.reads == 5:
            load_bundle(LadybugStore(self.path), self.replacement, "meanwhile")
        return super().read(query, params)


def test_an_export_of_a_graph_replaced_while_it_is_read_is_refused(
    tmp_path: Path, loaded_db: Path, seed_bundle: GraphBundle
) -> None:
    store = _SwappedMidWay(_copy(loaded_db, tmp_path), seed_bundle)
    target = tmp_path / "graph.ttl"
    with pytest.raises(GraphChangedError, match="replaced while it was exported"):
        export_file(store, "turtle", target)
    assert not target.exists() and not target.with_name("graph.ttl.partial").exists()
    export_file(store, "turtle", target)  # once nothing comes between, it is written
    assert target.stat().st_size > 0
