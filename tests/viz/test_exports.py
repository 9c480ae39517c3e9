"""The exports keep what the map shows: validity, assertion and sources of every node and
relationship, read back by each format's own reader and compared with the seed files."""

import csv
import io
import json
import zipfile
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest
import xmlschema
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.model import GraphBundle
from app.model.common import first_day, last_day

# What a node or an edge says of itself: (valid_from, valid_to, date_text, assertion, sources).
Facts = tuple[str, str, str, str, list[tuple[str, str]]]
GEXF = "{http://www.gexf.net/1.2draft}"
# GEXF's own schema (CC BY 4.0, see its README), read from disk only: no download at test time.
GEXF_SCHEMA = PROJECT_ROOT / "tests" / "fixtures" / "gexf-1.2draft" / "gexf.xsd"


def _download(client: TestClient, query: str, fmt: str) -> bytes:
    answer = client.get(f"/api/v1/views/{query}&format={fmt}")
    assert answer.status_code == 200, answer.text
    return answer.content


def _flat(data: dict[str, Any]) -> Facts:
    """Facts from the flat text columns of GraphML, GEXF and CSV."""
    docs = data["source_docs"].split()
    quotes = json.loads(data["source_quotes"])
    assert len(docs) == len(quotes)  # parallel columns
    return (
        data["valid_from"],
        data["valid_to"],
        data["date_text"],
        data["assertion"],
        list(zip(docs, quotes, strict=True)),
    )


def _from_json(data: dict[str, Any]) -> Facts:
    docs, quotes = data["source_docs"], data["source_quotes"]
    return (
        data["valid_from"] or "",
        data["valid_to"] or "",
        data["date_text"] or "",
        data["assertion"] or "",
        list(zip(docs, quotes, strict=True)),
    )


def _read_back(body: bytes, fmt: str) -> tuple[dict[str, Facts], dict[str, Facts]]:
    if fmt in ("graphml", "gexf"):
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(body))
        nodes = {n: _flat(d) for n, d in graph.nodes(data=True)}
        return nodes, {d["id"]: _flat(d) for _, _, d in graph.edges(data=True)}
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            node_rows = csv.DictReader(io.StringIO(archive.read("nodes.csv").decode()))
            edge_rows = csv.DictReader(io.StringIO(archive.read("edges.csv").decode()))
            return {r["id"]: _flat(r) for r in node_rows}, {r["id"]: _flat(r) for r in edge_rows}
    elements = json.loads(body)["elements"]
    nodes = {n["data"]["id"]: _from_json(n["data"]) for n in elements["nodes"]}
    return nodes, {e["data"]["id"]: _from_json(e["data"]) for e in elements["edges"]}


def _seed_facts(item: Any) -> Facts:
    return (
        item.valid_from or "",
        item.valid_to or "",
        item.date_text or "",
        str(item.assertion),
        [(c.doc, c.quote) for c in item.sources],
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "json"])
def test_tems_steering_tree_exports_carry_validity_assertion_and_sources(
    client: TestClient, seed_bundle: GraphBundle, fmt: str
) -> None:
    nodes, edges = _read_back(_download(client, "steers?id=org-tem&depth=3", fmt), fmt)
    seed_nodes = {n.id: n for n in seed_bundle.nodes}
    seed_edges = {e.id: e for e in seed_bundle.edges}
    assert set(nodes) == {"org-tem", "org-ely-keskukset", "org-te-toimistot"}
    assert len(edges) == 6
    for node_id, facts in nodes.items():
        assert facts == _seed_facts(seed_nodes[node_id]), node_id
    for edge_id, facts in edges.items():
        assert facts == _seed_facts(seed_edges[edge_id]), edge_id
    # The seed's words, as a reader sees them: TEM's own quote, and the one implied steering.
    assert ("src-004", "TEM:n osastopäälliköt") in nodes["org-tem"][4]
    assert edges["steers.org-tem.org-ely-keskukset.unspecified"][3] == "implied"


def test_dated_entities_carry_their_dates_as_given(
    client: TestClient, seed_bundle: GraphBundle
) -> None:
    nodes, edges = _read_back(
        _download(client, "neighbourhood?id=evt-jjp-2019&depth=1", "csv"), "csv"
    )
    assert nodes["evt-jjp-2019"][:2] == ("2019", "2019")  # a year, not a made-up day
    invited = "participates-in.post-kuntajohtaja.evt-jjp-2019.invitee"
    assert edges[invited][:2] == ("2019", "2019")
    seed_edges = {e.id: e for e in seed_bundle.edges}
    assert all(facts == _seed_facts(seed_edges[i]) for i, facts in edges.items())


def test_an_edges_own_fields_travel_as_json(client: TestClient) -> None:
    body = _download(client, "steers?id=org-tem&depth=3", "graphml")
    graph = nx.read_graphml(io.BytesIO(body))
    joint = next(
        d for _, _, d in graph.edges(data=True) if d["id"].endswith("org-ely-keskukset.unspecified")
    )
    assert json.loads(joint["attributes"]) == {
        "mode": "unspecified",
        "joint": True,
        "jointly_with": ["org-hallinnonalat"],
    }
    elements = json.loads(_download(client, "steers?id=org-tem&depth=3", "json"))["elements"]
    by_id = {e["data"]["id"]: e["data"] for e in elements["edges"]}
    assert by_id[joint["id"]]["attributes"]["jointly_with"] == ["org-hallinnonalat"]


def _spans(body: bytes) -> tuple[ElementTree.Element, dict[str, tuple[str | None, str | None]]]:
    graph = ElementTree.fromstring(body).find(f"{GEXF}graph")
    assert graph is not None
    spans = {
        item.get("id", ""): (item.get("start"), item.get("end"))
        for item in graph.iter()
        if item.tag in (f"{GEXF}node", f"{GEXF}edge")
    }
    return graph, spans


def test_gexf_has_a_timeline_of_whole_days_from_partial_dates(client: TestClient) -> None:
    body = _download(client, "neighbourhood?id=evt-jjp-sarja&depth=2", "gexf")
    graph, spans = _spans(body)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert spans["evt-jjp-sarja"] == ("2019-01-01", None)  # since 2019, ongoing
    assert spans["evt-jjp-2019"] == ("2019-01-01", "2019-12-31")  # the year, widened
    assert spans["evt-jjp-2022"] == ("2022-02-16", "2022-02-16")
    invited = "participates-in.post-kuntajohtaja.evt-jjp-2019.invitee"
    assert spans[invited] == ("2019-01-01", "2019-12-31")
    # Every span is its validity, widened the same way; the columns keep the dates as given.
    read = nx.read_gexf(io.BytesIO(body))
    items = [*read.nodes.values(), *(d for _, _, d in read.edges(data=True))]
    assert any(d["valid_from"] for d in items)
    for data in items:
        start = first_day(data["valid_from"]).isoformat() if data["valid_from"] else None
        end = last_day(data["valid_to"]).isoformat() if data["valid_to"] else None
        assert (data.get("start"), data.get("end")) == (start, end)


def test_an_undated_view_is_still_a_timeline_in_days(client: TestClient) -> None:
    graph, spans = _spans(_download(client, "steers?id=org-tem&depth=3", "gexf"))
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert set(spans.values()) == {(None, None)}  # undated: open on both sides


@pytest.fixture(scope="module")
def gexf_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(GEXF_SCHEMA, allow="local")


@pytest.mark.parametrize(
    "query",
    ["steers?id=org-tem&depth=3", "neighbourhood?id=evt-jjp-sarja&depth=2", "graph?limit=2000"],
)
def test_gexf_exports_are_valid_against_the_gexf_schema(
    client: TestClient, gexf_schema: xmlschema.XMLSchema, query: str
) -> None:
    body = _download(client, query, "gexf")
    errors = list(gexf_schema.iter_errors(body.decode()))
    assert not errors, errors[0]
    meta = ElementTree.fromstring(body).find(f"{GEXF}meta/{GEXF}description")
    assert meta is not None and meta.text  # the view's title


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "json", "html"])
def test_every_export_says_which_day_it_shows(client: TestClient, fmt: str) -> None:
    body = _download(client, "steers?id=org-tem&as_of=2022-01-01&lang=en", fmt)
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            about = next(csv.DictReader(io.StringIO(archive.read("map.csv").decode())))
        assert about["day"] == "2022-01-01" and about["title"].endswith("as of 2022-01-01")
    else:
        assert b"as of 2022-01-01" in body
