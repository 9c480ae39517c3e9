"""How well answers are supported, on a small graph built here (not the seed, which changes):
a chain is as strong as its weakest edge, STEERS and PART_OF alike, a link or a step as its
strongest chain; and every fact without dates is marked `undated`."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.graph import explore
from app.graph.load import load_bundle
from app.graph.walk import Hop, Reached, shortest_chains, strongest_support
from app.model import GraphBundle, Source
from app.model.common import Citation, Names
from app.model.edges import EDGE_ADAPTER
from app.model.nodes import Organization
from app.model.vocabulary import Country, Label, Lang, OrgKind, RelType
from app.store import GraphStore
from tests.conftest import backend_settings

CITED = [Citation(doc="src-t", quote="as the test source says")]


def org(entity_id: str, kind: OrgKind, **dates: str) -> Organization:
    return Organization(
        id=entity_id, kind=kind, names=Names(fi=entity_id.upper()), sources=CITED, **dates
    )


def edge(rel: str, start: str, end: str, assertion: str = "stated", **fields: str) -> Any:
    return EDGE_ADAPTER.validate_python(
        {"type": rel, "from": start, "to": end, "assertion": assertion, "sources": CITED, **fields}
    )


def steers(start: str, end: str, mode: str, assertion: str = "stated", **dates: str) -> Any:
    return edge("STEERS", start, end, assertion, mode=mode, **dates)


# org-m steers org-a; org-a steers the centres (org-b) and, directly, the office (org-c),
# which is subordinate to the centres only by implication; org-g steers the centres, org-h
# (dated) the office, by inference. p prepares for q and, implied, v; and on up.
BUNDLE = GraphBundle(
    sources=[Source(id="src-t", file="t.txt", lang=Lang.FI, country=Country.FI, title="Test")],
    nodes=[
        org("org-m", OrgKind.MANAGEMENT_GROUP),
        org("org-a", OrgKind.MINISTRY),
        org("org-b", OrgKind.REGIONAL_CENTRE),
        org("org-c", OrgKind.REGIONAL_OFFICE),
        org("org-g", OrgKind.MANAGEMENT_GROUP),
        org("org-h", OrgKind.AGENCY, valid_from="2020"),
        *(org(f"grp-{x}", OrgKind.PREPARATORY_GROUP) for x in "pqrtvx"),
    ],
    edges=[
        steers("org-m", "org-a", "administrative"),
        steers("org-a", "org-b", "administrative"),
        steers("org-a", "org-c", "development"),
        edge("PART_OF", "org-c", "org-b", "implied", kind="subordinate_to"),
        steers("org-g", "org-b", "coordination"),
        steers("org-h", "org-c", "unspecified", "inferred", valid_from="2020-03-01"),
        edge("PREPARES_FOR", "grp-p", "grp-q"),
        edge("PREPARES_FOR", "grp-q", "grp-r", "implied"),
        edge("PREPARES_FOR", "grp-r", "grp-t"),
        edge("PREPARES_FOR", "grp-p", "grp-v", "implied"),
        edge("PREPARES_FOR", "grp-v", "grp-x"),
        edge("PREPARES_FOR", "grp-q", "grp-x"),
    ],
)


@pytest.fixture
def small(fresh_store: Callable[[str], GraphStore]) -> GraphStore:
    store = fresh_store("small")
    load_bundle(store, BUNDLE, "test")
    return store


@pytest.fixture
def client(small: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(backend_settings(tmp_path / "small.lbug"))) as test_client:
        yield test_client


def ask(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(f"/api/v1{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def links(body: Any) -> dict[str, Any]:
    return {item["entity"]["id"]: item for item in body["items"]}


def chains(link: Any) -> dict[tuple[str, ...], str]:
    """Each chain (its edge ids) with its assertion."""
    assert len(link["paths"]) == len(link["path_assertions"])
    return {
        tuple(e["id"] for e in path): assertion
        for path, assertion in zip(link["paths"], link["path_assertions"], strict=True)
    }


def test_steering_inherited_through_an_implied_part_of_is_implied(client: TestClient) -> None:
    by = links(ask(client, "/entities/org-c/steered-by"))
    assert sorted(by) == ["org-a", "org-g", "org-h", "org-m"]
    inherited = by["org-g"]  # steers the centres; the office is theirs only by implication
    assert (inherited["inherited"], inherited["assertion"]) == (True, "implied")
    assert chains(inherited) == {
        ("steers.org-g.org-b.coordination", "part-of.org-c.org-b.subordinate-to"): "implied"
    }
    assert [e["assertion"] for e in inherited["paths"][0]] == ["stated", "implied"]


def test_a_direct_stated_steers_stays_stated_and_an_inferred_one_inferred(
    client: TestClient,
) -> None:
    centres = links(ask(client, "/entities/org-b/steered-by", transitive="false"))
    assert {i: (link["assertion"], link["path_assertions"]) for i, link in centres.items()} == {
        "org-a": ("stated", ["stated"]),
        "org-g": ("stated", ["stated"]),
    }
    office = links(ask(client, "/entities/org-c/steered-by"))
    assert chains(office["org-h"]) == {("steers.org-h.org-c.unspecified",): "inferred"}
    assert office["org-h"]["assertion"] == "inferred"


def test_a_link_with_a_stated_and_an_implied_chain_is_stated(client: TestClient) -> None:
    office = links(ask(client, "/entities/org-c/steered-by"))
    assert chains(office["org-a"]) == {
        ("steers.org-a.org-c.development",): "stated",
        ("steers.org-a.org-b.administrative", "part-of.org-c.org-b.subordinate-to"): "implied",
    }
    assert (office["org-a"]["assertion"], office["org-a"]["inherited"]) == ("stated", False)
    two_up = office["org-m"]  # the same two ways, one STEERS further up
    assert two_up["depth"] == 2
    assert sorted(chains(two_up).values()) == ["implied", "stated"]
    assert two_up["assertion"] == "stated"
    # Downwards the same: org-a reaches the office directly and through the centres.
    down = links(ask(client, "/entities/org-a/steers"))
    assert (down["org-c"]["assertion"], sorted(down["org-c"]["path_assertions"])) == (
        "stated",
        ["implied", "stated"],
    )
    only_inherited = links(ask(client, "/entities/org-g/steers"))
    assert {i: link["assertion"] for i, link in only_inherited.items()} == {
        "org-b": "stated",
        "org-c": "implied",
    }


def test_a_preparation_step_is_as_strong_as_its_strongest_chain(client: TestClient) -> None:
    body = ask(client, "/entities/grp-p/preparation-chain")
    steps = {s["entity"]["id"]: (s["depth"], s["assertion"]) for s in body["items"]}
    assert steps == {
        "grp-q": (1, "stated"),
        "grp-v": (1, "implied"),
        "grp-r": (2, "implied"),  # p -> q stated, q -> r implied
        "grp-x": (2, "stated"),  # through q stated, through v implied
        "grp-t": (3, "implied"),  # r -> t is stated, but r is reached only by implication
    }


def test_facts_without_dates_are_marked_undated(client: TestClient) -> None:
    office = links(ask(client, "/entities/org-c/steered-by"))
    assert office["org-a"]["entity"]["undated"] is True
    assert (office["org-a"]["entity"]["valid_from"], office["org-a"]["entity"]["valid_to"]) == (
        None,
        None,
    )
    dated = office["org-h"]["entity"]
    assert (dated["undated"], dated["valid_from"], dated["valid_to"]) == (False, "2020", None)
    (dated_edge,) = office["org-h"]["paths"][0]
    assert (dated_edge["undated"], dated_edge["valid_from"]) == (False, "2020-03-01")
    assert all(e["undated"] for e in office["org-a"]["paths"][0])
    subject = ask(client, "/entities/org-c/steered-by")["subject"]
    assert subject["undated"] is True

    around = ask(client, "/entities/org-c/neighbourhood")
    nodes = {n["id"]: n["undated"] for n in around["nodes"]}
    assert nodes == {"org-c": True, "org-a": True, "org-b": True, "org-h": False}
    edges = {e["id"]: e["undated"] for e in around["edges"]}
    assert edges["steers.org-h.org-c.unspecified"] is False
    assert edges["part-of.org-c.org-b.subordinate-to"] is True

    listed = {e["id"]: e["undated"] for e in ask(client, "/entities", type="Organization")["items"]}
    assert (listed["org-h"], listed["org-a"]) == (False, True)
    hit = ask(client, "/search", q="org-h")["items"][0]
    assert (hit["id"], hit["undated"]) == ("org-h", False)  # a dated entity is never undated


def test_the_whole_graph_map_marks_undated_ends(small: GraphStore) -> None:
    nodes, edges, _ = explore.graph_edges(small, types=[RelType.STEERS], as_of=None, lang=None)
    assert {n.id: n.undated for n in nodes} == {
        "org-m": True,
        "org-a": True,
        "org-b": True,
        "org-c": True,
        "org-g": True,
        "org-h": False,
    }
    assert {e.id for e in edges if not e.undated} == {"steers.org-h.org-c.unspecified"}
    loose = explore.graph_nodes(
        small, labels=[Label.ORGANIZATION], kinds=["agency"], as_of=None, lang=None, limit=10
    )
    assert [(n.id, n.undated, n.valid_from) for n in loose] == [("org-h", False, "2020")]


def test_when_chains_are_capped_the_strongest_is_kept() -> None:
    """More chains than the cap: the ways in are followed strongest first, so the one kept
    is as strong as the target's support (here the stated one, met second)."""

    def hop(start: str, end: str, assertion: str) -> Hop:
        rel = {"id": f"steers.{start}.{end}", "assertion": assertion}
        return Hop(start, {"id": end}, rel, RelType.STEERS, start, end)

    reached = {"s": Reached(0, {"id": "s"}), "a": Reached(1, {"id": "a"})}
    reached["b"] = Reached(1, {"id": "b"})
    reached["t"] = Reached(2, {"id": "t"})
    reached["a"].parents.append((hop("s", "a", "implied"), "s"))
    reached["b"].parents.append((hop("s", "b", "stated"), "s"))
    reached["t"].parents += [(hop("a", "t", "stated"), "a"), (hop("b", "t", "stated"), "b")]
    support = strongest_support(reached, "s")
    assert {n: a.value for n, a in support.items()} == {
        "s": "stated",
        "a": "implied",
        "b": "stated",
        "t": "stated",
    }
    (unordered,) = shortest_chains(reached, "t", "s", 1)
    assert unordered[0].rel["id"] == "steers.s.a"  # the order the walk met them
    (kept,) = shortest_chains(reached, "t", "s", 1, support=support)
    assert [h.rel["id"] for h in kept] == ["steers.s.b", "steers.b.t"]
