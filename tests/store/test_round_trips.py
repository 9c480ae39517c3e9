"""How many statements a catalogue answer sends. On a server every statement is a network round
trip, so a store that walks by frontier (Neo4j) sends one per level and direction of a walk,
not one per node met; and walking either way gives the same answers."""

import logging
from collections.abc import Mapping
from typing import Any

import pytest

from app.graph.catalogue import CATALOGUE, ask
from app.graph.walk import Budget
from app.store import GraphStore
from app.store.base import Row

# The examples of the catalogue that walk, and a neighbourhood far wider than its depth.
WALKS = {
    "steered-by": ("org-te-toimistot", {}),
    "steers": ("grp-tem-ministerion-johtoryhma", {}),
    "members": ("grp-tem-konsernin-johtoryhma", {}),
    "memberships": ("per-petri-peltonen", {}),
    "chairs": ("post-tem-kansliapaallikko", {}),
    "preparation-chain": ("grp-tem-virkamiesjohtoryhma", {}),
    "neighbourhood": ("org-tem", {"depth": 3}),
    "paths": (None, CATALOGUE["paths"].example[1]),
}
# At most this many statements per answer: the graph's revision before and after (two), finding
# the subject (two), then per level of the walk one statement per direction and kind of step
# (steering: STEERS, then PART_OF until no new node; memberships: its own seats, its posts
# both ways, the posts' seats).
MOST_STATEMENTS = {
    "steered-by": 12,
    "steers": 12,
    "members": 8,
    "memberships": 9,
    "chairs": 8,
    "preparation-chain": 9,
    "neighbourhood": 4 + 2 * 3,
    "paths": 6 + 2 * 3,
}


def _counted(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    read = store.read

    def counting(text: str, params: Mapping[str, Any]) -> list[Row]:
        sent.append(text)
        return read(text, params)

    monkeypatch.setattr(store, "read", counting)
    return sent


def _answer(store: GraphStore, name: str) -> dict[str, Any]:
    entity_id, params = WALKS[name]
    return ask(store, name, entity_id, params, Budget(30, 100_000)).model_dump(mode="json")


@pytest.mark.parametrize("name", sorted(WALKS))
def test_a_walk_on_a_server_sends_a_few_statements_not_one_per_node(
    name: str, store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not store.walks_by_frontier:
        pytest.skip("LadybugDB's statements are in-process calls: it walks node by node")
    sent = _counted(store, monkeypatch)
    _answer(store, name)
    assert 0 < len(sent) <= MOST_STATEMENTS[name], f"{name}: {len(sent)} statements"


def test_node_by_node_the_wide_neighbourhood_would_take_many_more(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bound above means something: the same neighbourhood, walked node by node, sends a
    statement per node and direction."""
    monkeypatch.setattr(store, "walks_by_frontier", False)
    sent = _counted(store, monkeypatch)
    answer = _answer(store, "neighbourhood")
    assert len(sent) > 4 * MOST_STATEMENTS["neighbourhood"]
    assert len(sent) >= len(answer["nodes"])


@pytest.mark.parametrize("name", sorted(WALKS))
def test_walking_by_frontier_or_by_node_gives_the_same_answer(
    name: str, store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not store.walks_by_frontier:
        pytest.skip("LadybugDB has no frontier statements: it walks node by node only")
    by_frontier = _answer(store, name)
    monkeypatch.setattr(store, "walks_by_frontier", False)
    assert _answer(store, name) == by_frontier


def test_the_catalogue_draws_no_warning_from_the_server(
    store: GraphStore, caplog: pytest.LogCaptureFixture
) -> None:
    """The statements name the whole vocabulary; a graph lacking a type or a property must not
    make Neo4j log a warning on every request (the driver logs server notifications)."""
    if store.backend != "neo4j":
        pytest.skip("about the Neo4j server's notifications")
    with caplog.at_level(logging.INFO, logger="neo4j"):
        for name in sorted(WALKS):
            _answer(store, name)
        ask(store, "search", None, {"q": "tem"}, Budget(30, 100_000))
    assert not [r for r in caplog.records if r.name.startswith("neo4j.notifications")]
