"""Saved maps over HTTP on the engine under test: saved, listed, read, replaced and deleted
with the write key; checked against their view; kept by every load; carried by dump/restore;
and telling which of their entities have changed since they were saved."""

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.api.main import create_app
from app.config import Settings
from app.graph.dump import read_dump, restore, write_dump
from app.graph.load import load_bundle
from app.model import GraphBundle
from app.store import open_store
from app.store.ladybug import LadybugStore
from tests.conftest import SEED_DIR

KEY = "a-key-for-saved-maps"
AUTH = {"X-API-Key": KEY}
PROBLEM = "application/problem+json"
ELY = "org-ely-keskukset"
TE = "org-te-toimistot"
TEM_TO_ELY = "steers.org-tem.org-ely-keskukset.administrative"
STORY: dict[str, Any] = {
    "name": "Who TEM steers",
    "view": "steers",
    "entity": "org-tem",
    "params": {"depth": 2, "lang": "sv"},
    "positions": {"org-tem": [0, -200], ELY: [-150, 0]},
    "hidden": [TE],
    "annotations": [
        {"caption": "TEM steers the ELY centres directly.", "nodes": ["org-tem", ELY]},
        {"caption": "Administrative steering.", "edges": [TEM_TO_ELY]},
    ],
}


@pytest.fixture
def writer(own_settings: Settings) -> Iterator[TestClient]:
    settings = own_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings)) as client:
        yield client


def _saved(client: TestClient, body: dict[str, Any] | None = None) -> dict[str, Any]:
    response = client.post("/api/v1/maps", json=body or STORY, headers=AUTH)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def test_a_map_is_saved_listed_read_replaced_and_deleted(writer: TestClient) -> None:
    saved = _saved(writer)
    assert saved["id"].startswith("map-")
    assert saved["params"] == {"lang": "sv"}  # the view's defaults are left out
    assert saved["positions"] == {"org-tem": [0.0, -200.0], ELY: [-150.0, 0.0]}
    assert set(saved["fingerprints"]["nodes"]) == {"org-tem", ELY, TE}
    assert TEM_TO_ELY in saved["fingerprints"]["edges"]
    assert saved["changed"] == [] and saved["removed"] == []

    listed = writer.get("/api/v1/maps").json()
    assert listed["total"] == 1
    assert listed["items"][0] == {
        "id": saved["id"],
        "name": "Who TEM steers",
        "view": "steers",
        "entity": "org-tem",
        "updated": saved["updated"],
        "annotations": 2,
    }
    url = f"/api/v1/maps/{saved['id']}"
    assert writer.get(url).json()["annotations"] == saved["annotations"]

    changed = writer.put(url, json={**STORY, "name": "Renamed", "hidden": []}, headers=AUTH)
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Renamed" and changed.json()["created"] == saved["created"]
    assert writer.get(url).json()["hidden"] == []

    assert writer.delete(url, headers=AUTH).status_code == 204
    gone = writer.get(url)
    assert gone.status_code == 404 and gone.headers["content-type"] == PROBLEM
    assert writer.get("/api/v1/maps").json()["total"] == 0


def test_saving_a_map_leaves_the_graph_file_as_it_was(own_db: Path) -> None:
    """Readers keep the file they hold, and its warm caches: a map is not part of the graph.
    (The embedded engine's own mechanism: its maps are in a records file beside the graph.)"""
    before = own_db.stat()
    with TestClient(create_app(Settings(db_path=own_db, api_key=SecretStr(KEY)))) as writer:
        _saved(writer)
    after = own_db.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert own_db.with_name("own.records.lbug").is_file()


def test_writes_need_the_key_and_are_off_without_one(
    writer: TestClient, own_settings: Settings
) -> None:
    assert writer.post("/api/v1/maps", json=STORY).status_code == 401
    wrong = writer.post("/api/v1/maps", json=STORY, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401 and wrong.headers["content-type"] == PROBLEM
    saved = _saved(writer)
    assert writer.delete(f"/api/v1/maps/{saved['id']}").status_code == 401
    with TestClient(create_app(own_settings)) as reader:
        off = reader.post("/api/v1/maps", json=STORY, headers=AUTH)
        assert off.status_code == 403 and "ORGMAP_API_KEY" in off.json()["detail"]
        assert reader.get(f"/api/v1/maps/{saved['id']}").status_code == 200  # reads are open


def test_a_bad_map_is_refused_with_every_problem_and_nothing_saved(writer: TestClient) -> None:
    bad = {**STORY, "name": " ", "params": {"depth": 99, "colour": "red"}, "view": "steers"}
    response = writer.post("/api/v1/maps", json=bad, headers=AUTH)
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
    locations = {e["location"] for e in response.json()["errors"]}
    assert {"body.name", "body.params.depth", "body.params.colour"} <= locations

    elsewhere = {**STORY, "hidden": ["org-okm"], "annotations": [{"caption": "x", "edges": ["e"]}]}
    response = writer.post("/api/v1/maps", json=elsewhere, headers=AUTH)
    assert response.status_code == 422, response.text
    assert (
        "org-okm" in response.json()["detail"]
        and "edges not on the map: e" in response.json()["detail"]
    )
    assert writer.get("/api/v1/maps").json()["total"] == 0


def test_a_saved_map_draws_its_story_with_positions_and_hidden_nodes(writer: TestClient) -> None:
    saved = _saved(writer)
    page = writer.get(f"/api/v1/maps/{saved['id']}/view")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    data = json.loads(page.text.split('id="graph-data">')[1].split("</script>")[0])
    drawn = {n["id"]: n for n in data["nodes"]}
    assert TE not in drawn  # hidden
    assert (drawn["org-tem"]["x"], drawn["org-tem"]["y"]) == (0, -200)
    assert [s["caption"] for s in data["story"]] == [a["caption"] for a in STORY["annotations"]]
    assert "Who TEM steers" in page.text

    story = writer.get(f"/api/v1/maps/{saved['id']}/annotations")
    assert story.headers["content-disposition"].startswith("attachment")
    assert story.json()["annotations"][1]["edges"] == [TEM_TO_ELY]
    graphml = writer.get(f"/api/v1/maps/{saved['id']}/view?format=graphml")
    assert graphml.status_code == 200 and b"org-ely-keskukset" in graphml.content


def _renamed(bundle: GraphBundle, node_id: str) -> GraphBundle:
    """The bundle with one node's validity changed (as a new release of a source might)."""
    nodes = [
        n.model_copy(update={"valid_from": "2031"}) if n.id == node_id else n for n in bundle.nodes
    ]
    return replace(bundle, nodes=nodes)


def test_a_map_outlives_loads_and_says_what_changed_since(
    writer: TestClient, own_settings: Settings, seed_bundle: GraphBundle
) -> None:
    saved = _saved(writer)
    store = open_store(own_settings)
    try:
        load_bundle(store, _renamed(seed_bundle, ELY), SEED_DIR)  # a reload with one change
        without_te = replace(
            seed_bundle,
            nodes=[n for n in seed_bundle.nodes if n.id != TE],
            edges=[e for e in seed_bundle.edges if TE not in (e.from_, e.to)],
        )
        read = writer.get(f"/api/v1/maps/{saved['id']}").json()
        assert read["changed"] == [ELY] and read["removed"] == []
        load_bundle(store, without_te, SEED_DIR)
    finally:
        store.close()
    read = writer.get(f"/api/v1/maps/{saved['id']}").json()
    assert TE in read["removed"] and "org-tem" not in read["changed"]
    assert any(e.startswith("steers.org-tem.org-te-toimistot") for e in read["removed"])
    page = writer.get(f"/api/v1/maps/{saved['id']}/view").text
    assert "ändrat sedan kartan sparades" in page and TE in page  # the map's language, sv


def test_dump_and_restore_carry_saved_maps(
    writer: TestClient, own_settings: Settings, tmp_path: Path
) -> None:
    """From the engine under test into an embedded file: on Neo4j, across engines."""
    saved = _saved(writer)
    dump = tmp_path / "graph.jsonl"
    store = open_store(own_settings)
    try:
        with dump.open("w", encoding="utf-8") as out:
            write_dump(store, out)
    finally:
        store.close()
    last = json.loads(dump.read_text(encoding="utf-8").splitlines()[-1])
    assert last["saved_map"]["id"] == saved["id"]

    elsewhere = LadybugStore(tmp_path / "restored.lbug")
    try:
        restore(elsewhere, dump)
    finally:
        elsewhere.close()
    settings = Settings(db_path=tmp_path / "restored.lbug")
    with TestClient(create_app(settings)) as restored:
        again = restored.get(f"/api/v1/maps/{saved['id']}").json()
    assert again["annotations"] == saved["annotations"] and again["changed"] == []


def test_a_dump_with_a_bad_saved_map_is_refused_with_its_line(tmp_path: Path, own_db: Path) -> None:
    store = LadybugStore(own_db)
    dump = tmp_path / "graph.jsonl"
    try:
        with dump.open("w", encoding="utf-8") as out:
            write_dump(store, out)
    finally:
        store.close()
    lines = dump.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps({"saved_map": {"id": "Bad Id", "name": "x", "view": "nowhere"}}))
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bundle, problems = read_dump(dump)
    assert bundle is None
    assert {(p.line, p.field) for p in problems} >= {(len(lines), "saved_map.view")}
