"""Saved maps as a reader uses them: saving a view with what the reader made of it, reading it
back with what has changed since, and reopening it as a map to draw.

A map keeps a fingerprint of every node and edge its view drew when it was saved: a short hash
of the stored node (every property) and of the relationship's facts. Reading the map builds its
view again and compares: a fingerprint that differs, or an entity the view no longer draws, is
named in `changed` (and the latter in `removed`).
"""

import hashlib
import json
import secrets
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from app.errors import InvalidMapError, NotFoundError
from app.graph.saved_maps import delete_saved_map, put_saved_map, saved_map, saved_maps
from app.graph.walk import Budget
from app.model.params import VIEW_PARAMS
from app.model.saved_maps import (
    Fingerprints,
    SavedMap,
    SavedMapIn,
    SavedMapList,
    SavedMapRead,
    SavedMapSummary,
)
from app.model.vocabulary import Label
from app.store.base import GraphStore
from app.viz.graph import Annotation, ViewEdge, ViewGraph
from app.viz.maps import VIEWS, build_view
from app.viz.words import say

_LISTED_IDS = 20  # the most ids an error names before it says how many more


def view_of(store: GraphStore, saved: SavedMapIn, budget: Budget) -> ViewGraph:
    """The map's view as the graph draws it today, before the reader's changes."""
    params = VIEW_PARAMS[saved.view].model_validate(saved.params)
    if VIEWS[saved.view].needs_id and saved.entity is None:
        raise InvalidMapError(f"the {saved.view} view is about an entity: give `entity`")
    return build_view(store, saved.view, saved.entity, params, budget)


def create_map(store: GraphStore, given: SavedMapIn, budget: Budget) -> SavedMapRead:
    now = datetime.now(UTC)
    saved = _checked(store, given, budget, f"map-{secrets.token_hex(6)}", now, now)
    put_saved_map(store, saved)
    return _with_changes(saved, saved.fingerprints)  # just taken: nothing has changed


def update_map(store: GraphStore, map_id: str, given: SavedMapIn, budget: Budget) -> SavedMapRead:
    """Replace the map (its fingerprints taken afresh: the reader has seen today's graph)."""
    old = existing_map(store, map_id)
    saved = _checked(store, given, budget, map_id, old.created, datetime.now(UTC))
    put_saved_map(store, saved)
    return _with_changes(saved, saved.fingerprints)  # just taken: nothing has changed


def delete_map(store: GraphStore, map_id: str) -> None:
    existing_map(store, map_id)
    delete_saved_map(store, map_id)


def list_maps(store: GraphStore) -> SavedMapList:
    items = [
        SavedMapSummary(
            id=m.id,
            name=m.name,
            view=m.view,
            entity=m.entity,
            updated=m.updated,
            annotations=len(m.annotations),
        )
        for m in sorted(saved_maps(store), key=lambda m: m.updated, reverse=True)
    ]
    return SavedMapList(items=items, total=len(items))


def read_map(store: GraphStore, map_id: str, budget: Budget) -> SavedMapRead:
    """The saved map, with the nodes and edges that have changed or gone since it was saved."""
    saved = existing_map(store, map_id)
    return _with_changes(saved, fingerprints(store, view_of(store, saved, budget)))


def reopened_view(store: GraphStore, saved: SavedMap, budget: Budget) -> ViewGraph:
    """The saved map as a view to draw: today's graph, the reader's positions, hidden nodes
    left out, the annotations as the story, and a notice naming what has changed."""
    view = view_of(store, saved, budget)
    changes = _with_changes(saved, fingerprints(store, view))
    view.title = f"{saved.name} · {view.title}"
    view.positions = dict(saved.positions)
    view.hidden = set(saved.hidden)
    for node_id in view.hidden & view.nodes.keys():
        del view.nodes[node_id]
    view.annotations = [
        Annotation(a.caption, tuple(a.nodes), tuple(a.edges)) for a in saved.annotations
    ]
    if changes.changed:
        notice = say("changed_since_saved", saved.lang(), ids=_listed(changes.changed))
        view.notice = " · ".join(n for n in (view.notice, notice) if n)
    return view


def annotations_document(saved: SavedMap) -> dict[str, Any]:
    """The story alone, for other tools: the map's name, its view and the annotations."""
    return {
        "id": saved.id,
        "name": saved.name,
        "view": saved.view.value,
        "entity": saved.entity,
        "params": saved.params,
        "annotations": [a.model_dump() for a in saved.annotations],
    }


def fingerprints(store: GraphStore, view: ViewGraph) -> Fingerprints:
    rows = _stored_nodes(store, view)
    return Fingerprints(
        nodes={node_id: _digest(_set_properties(row)) for node_id, row in rows.items()},
        edges={edge.id: _digest(_edge_facts(edge)) for edge in view.drawable_edges()},
    )


def _stored_nodes(store: GraphStore, view: ViewGraph) -> dict[str, dict[str, Any]]:
    """Every node of the view as stored: one statement per label, not one per node."""
    by_label: dict[Label, list[str]] = defaultdict(list)
    for node in view.nodes.values():
        by_label[node.label].append(node.id)
    rows: dict[str, dict[str, Any]] = {}
    for label, ids in by_label.items():
        for row in store.run("search_hits", {"ids": ids}, label=label):
            rows[row["n"]["id"]] = row["n"]
    return rows


def _checked(
    store: GraphStore,
    given: SavedMapIn,
    budget: Budget,
    map_id: str,
    created: datetime,
    updated: datetime,
) -> SavedMap:
    """The map to store: everything it names is on its view, and the view's fingerprints."""
    view = view_of(store, given, budget)
    unknown_nodes = sorted(given.node_ids() - view.nodes.keys())
    unknown_edges = sorted(given.edge_ids() - view.edges.keys())
    problems = []
    if unknown_nodes:
        problems.append(f"nodes not on the map: {_listed(unknown_nodes)}")
    if unknown_edges:
        problems.append(f"edges not on the map: {_listed(unknown_edges)}")
    if problems:
        raise InvalidMapError("; ".join(problems) + ": nothing was saved")
    return SavedMap(
        **given.model_dump(),
        id=map_id,
        created=created,
        updated=updated,
        fingerprints=fingerprints(store, view),
    )


def existing_map(store: GraphStore, map_id: str) -> SavedMap:
    saved = saved_map(store, map_id)
    if saved is None:
        raise NotFoundError(f"no saved map '{map_id}'")
    return saved


def _with_changes(saved: SavedMap, now: Fingerprints) -> SavedMapRead:
    then = {**saved.fingerprints.nodes, **saved.fingerprints.edges}
    current = {**now.nodes, **now.edges}
    changed = sorted(i for i, digest in then.items() if current.get(i) != digest)
    removed = [i for i in changed if i not in current]
    return SavedMapRead(**saved.model_dump(), changed=changed, removed=removed)


def _edge_facts(edge: ViewEdge) -> dict[str, Any]:
    """What a relationship says (its tooltip is made of these, in the map's language)."""
    return {
        "rel": edge.rel.value,
        "start": edge.start,
        "end": edge.end,
        "qualifier": edge.qualifier,
        "valid_from": edge.valid_from,
        "valid_to": edge.valid_to,
        "date_text": edge.date_text,
        "assertion": edge.assertion,
        "attributes": edge.attributes,
        "sources": [[c.doc, c.quote] for c in edge.sources],
    }


def _set_properties(row: dict[str, Any]) -> dict[str, Any]:
    """A stored node's properties that hold a value: LadybugDB gives every column of the
    label's table, Neo4j only the properties set, and a fingerprint must not tell engines
    apart (a dump moves a graph and its maps between them)."""
    return {key: value for key, value in row.items() if value is not None}


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:_LISTED_IDS])
    more = len(ids) - _LISTED_IDS
    return shown + (f" and {more} more" if more > 0 else "")
