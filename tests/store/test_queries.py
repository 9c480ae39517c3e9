"""Every named query, in the form this backend runs, on the real engine with the seed graph."""

from typing import Any

import pytest

from app.model.vocabulary import Label, RelType
from app.store import GraphStore
from app.store.internal import RECORD_QUERIES
from app.store.statements import statement as query
from app.store.statements import statement_names as query_names

# The walks' statements for a whole level, sent only by a store that walks by frontier.
FRONTIER_QUERIES = {"expand_out_frontier", "expand_in_frontier"}
ANY_TIME: dict[str, object] = {"valid_lo": "0001-01-01", "valid_hi": "9999-12-31"}
GROUPS = ["management_group", "forum", "informal_group", "preparatory_group", "network"]
ORG: dict[str, Any] = {"label": Label.ORGANIZATION}
IN_2022: dict[str, object] = {"first_day": "2022-01-01", "last_day": "2022-12-31"}
COUNT: dict[str, object] = {"q": "tem", "kinds": [""], "label": "", "kind": ""}
SEARCH: dict[str, object] = {**COUNT, "id": "tem"}
# Parameters for each query, and the rows each must give on the seed graph.
CASES: dict[str, tuple[dict[str, object], int]] = {
    "entity_label": ({"id": "grp-tem-virkamiesjohtoryhma"}, 1),
    "entity": ({"id": "grp-tem-virkamiesjohtoryhma"}, 1),
    "entity_ref": ({"id": "org-tem"}, 1),
    "entities": ({"label": "Post", "kind": "chair", "skip": 0, "limit": 10}, 2),
    "entities_count": ({"label": "", "kind": "management_group"}, 1),
    "expand_out": ({"id": "org-tem", **ANY_TIME}, 5),
    "expand_in": ({"id": "org-tem", **ANY_TIME}, 5),
    "expand_out_frontier": ({"ids": ["org-tem", "org-none"], **ANY_TIME}, 5),
    "expand_in_frontier": ({"ids": ["org-tem", "org-tem"], **ANY_TIME}, 10),  # once per id given
    "id_candidates": ({"prefix": "org-te", "limit": 10}, 4),
    "search": ({**SEARCH, "word_kinds": [""], "today": "2024-01-01", **ANY_TIME}, 18),
    "search_count": ({**COUNT, "label": "Organization", **ANY_TIME}, 1),
    "search_hits": ({"ids": ["org-tem", "org-okm", "org-none"]}, 2),
    "unchaired_groups": ({"kinds": GROUPS, **ANY_TIME}, 11),
    "interlocks": ({"kinds": GROUPS, "min_shared": 2, **ANY_TIME}, 1),
    "busiest_members": ({"kinds": GROUPS, "limit": 5, **ANY_TIME}, 4),
    "changes_nodes": ({"change": "began", "limit": 100, **IN_2022}, 1),
    "changes_edges": ({"change": "ended", "limit": 100, **IN_2022}, 3),
    "changes_nodes_count": (IN_2022, 1),
    "changes_edges_count": (IN_2022, 1),
    "stats_nodes": (ANY_TIME, 67),
    "stats_edges": (ANY_TIME, 68),
    "meta": ({}, 5),  # loaded_at, origin, nodes, edges, revision
    "graph_revision": ({}, 1),
    "dump_nodes": ({"after": "org-tem"}, 9),
    "dump_edges": ({"after": ""}, 14),
    "graph_edges": (ANY_TIME, 18),  # 14 STEERS + 4 HOLDS
    "graph_nodes": ({"labels": ["Person", "Source"], "kinds": [], "limit": 100, **ANY_TIME}, 15),
    "edges_among": ({"id": "org-tem", "ids": ["org-te-toimistot", "org-tem-konserni"]}, 3),
    "saved_map": ({"id": "no-such-map"}, 0),  # the seed load saves no map
    "saved_maps": ({}, 0),
    "data_dates": ({}, 5),  # the seed's distinct (first day, last day) pairs
}


# Vocabulary slots of the queries that have them.
SLOTS: dict[str, dict[str, Any]] = {
    "entity": ORG,
    "entity_ref": ORG,
    "search_hits": ORG,
    # TEM's STEERS: administrative and development, twice, and the joint steering
    "expand_out": {**ORG, "types": [RelType.STEERS]},
    "expand_in": {**ORG, "types": [RelType.POST_IN]},
    "expand_out_frontier": {"types": [RelType.STEERS]},
    "expand_in_frontier": {"types": [RelType.POST_IN]},
    "dump_nodes": ORG,
    "dump_edges": {"types": [RelType.STEERS]},
    "graph_edges": {"types": [RelType.STEERS, RelType.HOLDS]},
    "edges_among": {"start": Label.ORGANIZATION, "types": [RelType.STEERS, RelType.PART_OF]},
}


def test_the_cases_cover_every_query() -> None:
    assert sorted(CASES) == query_names()


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_query_runs_on_the_engine(name: str, store: GraphStore) -> None:
    params, expected_rows = CASES[name]
    if name in FRONTIER_QUERIES and not store.walks_by_frontier:
        pytest.skip("a server's way of walking (app/graph/walk.py); LadybugDB walks node by node")
    if name in RECORD_QUERIES:  # the store's own records: LadybugDB reads them elsewhere
        assert len(store.run(name, params)) == expected_rows
        return
    named = query(name, store.backend).render(**SLOTS.get(name, {}))
    assert len(store.read(named.text, named.bind(dict(params)))) == expected_rows


def test_a_null_free_window_keeps_undated_facts(store: GraphStore) -> None:
    named = query("stats_nodes", store.backend)
    day = {"valid_lo": "2020-06-01", "valid_hi": "2020-06-01"}
    counts = {(r["label"], r["kind"]): r["count"] for r in store.read(named.text, named.bind(day))}
    assert counts[("Project", "project")] == 1  # the OKM project (2021-2022) is left out
    assert counts[("Organization", "ministry")] == 3  # undated: valid at any day
