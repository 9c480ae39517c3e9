"""Every map view over HTTP and every export format, read back by its own reader."""

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.viz.maps import VIEWS
from tests.seed_counts import SEED_NODES

# A seed entity (and extra parameters) for every view.
CASES: dict[str, str] = {
    "neighbourhood": "id=org-tem&depth=2",
    "steered-by": "id=org-te-toimistot&depth=3",
    "steers": "id=org-tem&depth=3",
    "members": "id=grp-tem-virkamiesjohtoryhma",
    "preparation-chain": "id=grp-tem-virkamiesjohtoryhma",
    "paths": "id=per-petri-peltonen&to=org-ely-keskukset",
    "graph": "rel=STEERS,PART_OF",
    "org-chart": "id=org-tem",
}


def page_data(html: str) -> dict[str, Any]:
    match = re.search(r'id="graph-data">(.*?)</script>', html, re.S)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def elements(client: TestClient, view: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/views/{view}?{CASES[view]}&format=json")
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()["elements"]
    return data


def test_every_view_has_a_case() -> None:
    assert sorted(CASES) == sorted(VIEWS)


@pytest.mark.parametrize("view", sorted(CASES))
def test_every_view_draws_what_its_export_holds(client: TestClient, view: str) -> None:
    page = client.get(f"/api/v1/views/{view}.html?{CASES[view]}")
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    drawn = page_data(page.text)
    exported = elements(client, view)
    assert len(exported["nodes"]) >= 2
    assert {n["id"] for n in drawn["nodes"]} == {n["data"]["id"] for n in exported["nodes"]}
    assert {e["id"] for e in drawn["edges"]} == {e["data"]["id"] for e in exported["edges"]}


def test_the_steering_tree_holds_the_catalogue_answer(client: TestClient) -> None:
    answer = client.get("/api/v1/entities/org-tem/steers?max_depth=3").json()
    expected = {"org-tem"} | {item["entity"]["id"] for item in answer["items"]}
    edges = {edge["id"] for item in answer["items"] for path in item["paths"] for edge in path}
    drawn = elements(client, "steers")
    assert expected <= {n["data"]["id"] for n in drawn["nodes"]}
    assert edges == {e["data"]["id"] for e in drawn["edges"]}


def test_small_views_carry_sources_and_all_names_in_tooltips(client: TestClient) -> None:
    nodes = {n["data"]["id"]: n["data"] for n in elements(client, "steers")["nodes"]}
    tooltip = nodes["org-tem"]["tooltip"]
    assert "lyhenne (fi): TEM" in tooltip and "nimi (sv): Arbets- och näringsministeriet" in tooltip
    assert re.search(r"src-\d+: “.+”", tooltip)


def _reference(client: TestClient) -> tuple[set[str], set[tuple[str, str, str, str]]]:
    data = elements(client, "neighbourhood")
    nodes = {n["data"]["id"] for n in data["nodes"]}
    edges = {
        (e["data"]["id"], e["data"]["source"], e["data"]["target"], e["data"]["relationship"])
        for e in data["edges"]
    }
    return nodes, edges


def _download(client: TestClient, fmt: str) -> bytes:
    answer = client.get(f"/api/v1/views/neighbourhood?{CASES['neighbourhood']}&format={fmt}")
    assert answer.status_code == 200, answer.text
    assert "attachment" in answer.headers["content-disposition"]
    return answer.content


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_networkx(client: TestClient, fmt: str) -> None:
    nodes, edges = _reference(client)
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(_download(client, fmt)))
    assert set(graph.nodes) == nodes
    read_back = {
        (d["id"], u, v, d["relationship"]) for u, v, k, d in graph.edges(keys=True, data=True)
    }
    assert read_back == edges
    tem = graph.nodes["org-tem"]
    assert tem["type"] == "Organization" and tem["kind"] == "ministry"


def test_cytoscape_json_reads_back_with_networkx(client: TestClient) -> None:
    nodes, edges = _reference(client)
    data = json.loads(_download_json(client))
    graph = nx.cytoscape_graph(data)
    assert set(graph.nodes) == nodes
    assert {(d["id"], u, v, d["relationship"]) for u, v, d in graph.edges(data=True)} == edges


def _download_json(client: TestClient) -> str:
    answer = client.get(f"/api/v1/views/neighbourhood?{CASES['neighbourhood']}&format=json")
    return answer.text


def test_csv_zip_holds_nodes_and_edges(client: TestClient) -> None:
    nodes, edges = _reference(client)
    with zipfile.ZipFile(io.BytesIO(_download(client, "csv"))) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "map.csv", "nodes.csv"]
        node_rows = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode())))
        edge_rows = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode())))
    assert {r["id"] for r in node_rows} == nodes
    assert {(r["id"], r["source"], r["target"], r["relationship"]) for r in edge_rows} == edges


def test_view_errors_are_problems(client: TestClient) -> None:
    missing = client.get("/api/v1/views/steers.html")  # the schema says id is required
    assert missing.status_code == 422
    assert [e["location"] for e in missing.json()["errors"]] == ["query.id"]
    bad_end = client.get("/api/v1/views/paths", params={"id": "org-tem", "to": "Not A Slug"})
    assert bad_end.status_code == 422  # was a 500
    assert [e["location"] for e in bad_end.json()["errors"]] == ["query.to"]
    no_end = client.get("/api/v1/views/paths", params={"id": "org-tem", "to": "org-nowhere"})
    assert no_end.status_code == 404
    unknown = client.get("/api/v1/views/steers.html?id=org-temx")
    assert unknown.status_code == 404 and "org-tem" in unknown.json()["suggestions"]
    bad = client.get("/api/v1/views/steers?id=org-tem&format=xlsx&depth=99")
    assert bad.status_code == 422
    assert {e["location"] for e in bad.json()["errors"]} == {"query.format", "query.depth"}
    assert bad.headers["content-type"] == "application/problem+json"


def test_the_explorer_page_offers_every_view_and_loads_nothing_from_elsewhere(
    client: TestClient,
) -> None:
    page = client.get("/map")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for view in VIEWS:
        assert f'<option value="{view}"' in page.text
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page.text) is None


def test_orgmap_export_map_writes_the_view(
    seed_settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.config import get_settings

    monkeypatch.setenv("ORGMAP_DB_PATH", str(seed_settings.db_path))
    monkeypatch.setenv("ORGMAP_BACKEND", seed_settings.backend)
    get_settings.cache_clear()
    try:
        target = tmp_path / "tem.html"
        done = CliRunner().invoke(
            cli,
            [
                "export",
                "map",
                "--view",
                "steers",
                "--id",
                "org-tem",
                "-p",
                "depth=3",
                "-o",
                str(target),
            ],
        )
        assert done.exit_code == 0, done.output
        assert "wrote" in done.stdout
        assert {n["id"] for n in page_data(target.read_text(encoding="utf-8"))["nodes"]} >= {
            "org-tem"
        }
        graphml = tmp_path / "g.graphml"
        done = CliRunner().invoke(
            cli,
            [
                "export",
                "map",
                "--view",
                "graph",
                "-f",
                "graphml",
                "-p",
                "rel=STEERS",
                "-o",
                str(graphml),
            ],
        )
        assert done.exit_code == 0, done.output
        assert nx.read_graphml(graphml).number_of_edges() == 14  # every STEERS edge
        wrong = CliRunner().invoke(cli, ["export", "map", "--view", "steerz", "-o", str(target)])
        assert wrong.exit_code == 1 and wrong.stderr.startswith("error: unknown view 'steerz'")
    finally:
        get_settings.cache_clear()


def test_views_follow_the_language_and_the_day(client: TestClient) -> None:
    def labels(query: str) -> dict[str, str]:
        answer = client.get(f"/api/v1/views/{query}&format=json")
        assert answer.status_code == 200, answer.text
        return {n["data"]["id"]: n["data"]["label"] for n in answer.json()["elements"]["nodes"]}

    assert labels("steers?id=org-tem&lang=fi")["org-ely-keskukset"] == "ELY-keskukset"
    assert labels("steers?id=org-tem&lang=sv")["org-ely-keskukset"] == "NTM-centralerna"
    before = labels("neighbourhood?id=org-okm&depth=1&as_of=2020-06-01")
    after = labels("neighbourhood?id=org-okm&depth=1&as_of=2022-06-01")
    assert "prj-okm071-00-2021" not in before and "prj-okm071-00-2021" in after


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "html"])
def test_the_whole_graph_holds_every_entity_stats_counts(client: TestClient, fmt: str) -> None:
    """Entities without relationships too (six in the seed graph were left out)."""
    stats = client.get("/api/v1/stats").json()
    body = client.get("/api/v1/views/graph", params={"format": fmt}).content
    if fmt in ("graphml", "gexf"):
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        ids = set(reader(io.BytesIO(body)).nodes)
    elif fmt == "json":
        ids = set(nx.cytoscape_graph(json.loads(body)).nodes)
    elif fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            rows = csv.DictReader(io.StringIO(archive.read("nodes.csv").decode()))
            ids = {r["id"] for r in rows}
    else:
        ids = {n["id"] for n in page_data(body.decode())["nodes"]}
    assert len(ids) == stats["total_nodes"] == SEED_NODES
    assert {"org-hallinnonalat", "doc-julkaisu-julkinen-johtajuus", "src-001"} <= ids
    filtered = client.get("/api/v1/views/graph", params={"format": "json", "type": "Source"})
    assert len(json.loads(filtered.content)["elements"]["nodes"]) == stats["nodes"]["Source"]
