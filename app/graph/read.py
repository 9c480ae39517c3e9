"""Entities, search, changes and statistics: the catalogue's direct lookups.

The walks (steering, preparation, neighbourhood, paths) live in steering.py and explore.py,
the memberships in groups.py; all of them answer with app/model/views.py objects.
"""

import heapq
from collections import defaultdict
from datetime import date
from itertools import islice

from pydantic import BaseModel

from app.errors import NoGraphError
from app.graph.refs import display_name, edge_ref, entity_ref, require_node, run
from app.graph.rows import fold_for_search, node_from_row
from app.graph.walk import Window
from app.model.views import (
    OUT_MODELS,
    Change,
    ChangesAnswer,
    EntityPage,
    EntityRef,
    EntitySummary,
    GraphMeta,
    GraphStats,
    SearchAnswer,
    SearchHit,
)
from app.model.vocabulary import Label, Lang, RelType
from app.store.base import GraphStore, Row

SEARCH_WINDOW = 1000  # search.cypher's LIMIT
SEARCH_PAGE = 100  # the most hits on one page


def get_entity(store: GraphStore, entity_id: str, lang: Lang | None = None) -> BaseModel:
    """One entity with all its properties, names, validity and sources (an EntityOut)."""
    row = require_node(store, entity_id)
    label = Label(row["_label"])
    data = node_from_row(label, row).model_dump(by_alias=True)
    data.update(type=label.value, name=display_name(row, lang))
    out: BaseModel = OUT_MODELS[label].model_validate(data)
    return out


def list_entities(
    store: GraphStore,
    label: Label | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
    lang: Lang | None = None,
) -> EntityPage:
    filters = {"label": label.value if label else "", "kind": kind or ""}
    total = run(store, "entities_count", **filters)[0]["total"]
    # LadybugDB 0.22 may crash the process when SKIP goes far past the end (engine-notes.md):
    # a page past the end is known to be empty without asking.
    rows = run(store, "entities", skip=offset, limit=limit, **filters) if offset < total else []
    return EntityPage(
        items=[_summary(r["n"], lang) for r in rows], total=total, limit=limit, offset=offset
    )


def _summary(row: Row, lang: Lang | None) -> EntitySummary:
    ref = entity_ref(row, lang)
    return EntitySummary(
        **ref.model_dump(),
        is_class=bool(row.get("is_class")),
        country=row.get("country"),
        status=row.get("status"),
    )


def search(
    store: GraphStore,
    text: str,
    *,
    label: Label | None = None,
    kind: str | None = None,
    as_of: date | None = None,
    lang: Lang | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchAnswer:
    """Entities whose names or other spellings contain `text`, ignoring case and accents."""
    folded = " ".join(fold_for_search(text).split())
    filters = {
        "q": folded,
        "label": label.value if label else "",
        "kind": kind or "",
        **Window.as_of(as_of).params(),
    }
    best = run(store, "search", **filters)  # the best SEARCH_WINDOW hits
    # Fewer than a full window means these are all the hits: no second scan to count them.
    total = (
        len(best)
        if len(best) < SEARCH_WINDOW
        else run(store, "search_count", **filters)[0]["total"]
    )
    rows = best[offset : offset + limit]
    hits = [SearchHit(**_hit_ref(r, lang).model_dump(), score=r["score"]) for r in rows]
    return SearchAnswer(query=text, items=hits, total=total, limit=limit, offset=offset)


def _hit_ref(row: Row, lang: Lang | None) -> EntityRef:
    """A search hit as answers name it. The search statements may not read the validity
    columns: then the hit claims nothing about its dates (undated is false, dates null)."""
    dates_read = "valid_from" in row or "valid_to" in row
    return entity_ref({**row, "_label": row["label"]}, lang, dates_read=dates_read)


def changes(
    store: GraphStore,
    first_day: date,
    last_day: date,
    *,
    lang: Lang | None = None,
    limit: int = 100,
    offset: int = 0,
) -> ChangesAnswer:
    """Nodes and relationships that began or ended between two days (inclusive), by day,
    began before ended, then id. Four streams (nodes and relationships that began, that
    ended), each sorted by the engine and cut at the end of the page, merged here: the engine
    never hands over more than the page reaches, whatever the graph's size."""
    bounds = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat()}
    reach = {"limit": offset + limit, **bounds}
    streams = []
    for change in ("began", "ended"):
        nodes = run(store, "changes_nodes", change=change, **reach)
        streams.append([(r["day"], change, r["n"]["id"], r) for r in nodes])
        edges = run(store, "changes_edges", change=change, **reach)
        streams.append([(r["day"], change, r["rel"]["id"], r) for r in edges])
    ordered = heapq.merge(*streams, key=lambda found: found[:3])
    page = [
        _change(change, row, lang) for _, change, _, row in islice(ordered, offset, offset + limit)
    ]
    total = sum(
        run(store, name, **bounds)[0]["total"] or 0
        for name in ("changes_nodes_count", "changes_edges_count")
    )
    return ChangesAnswer(items=page, total=total, limit=limit, offset=offset)


_RECORDED = {"began": "valid_from", "ended": "valid_to"}  # the date as the source gave it


def _change(change: str, row: Row, lang: Lang | None) -> Change:
    if "n" in row:
        node = row["n"]
        return Change(change=change, date=node[_RECORDED[change]], entity=entity_ref(node, lang))
    rel = row["rel"]
    edge = edge_ref(rel, RelType(rel["_label"]), row["start"], row["finish"])
    return Change(change=change, date=rel[_RECORDED[change]], edge=edge)


def graph_stats(store: GraphStore, as_of: date | None = None) -> GraphStats:
    window = Window.as_of(as_of).params()
    node_kinds: dict[str, dict[str, int]] = defaultdict(dict)
    for row in run(store, "stats_nodes", **window):
        node_kinds[row["label"]][row["kind"] or "-"] = row["count"]
    edge_qualifiers: dict[str, dict[str, int]] = defaultdict(dict)
    for row in run(store, "stats_edges", **window):
        edge_qualifiers[row["type"]][row["qualifier"] or "-"] = row["count"]
    nodes = {label: sum(kinds.values()) for label, kinds in node_kinds.items()}
    edges = {rel: sum(qs.values()) for rel, qs in edge_qualifiers.items()}
    return GraphStats(
        nodes=nodes,
        node_kinds=dict(node_kinds),
        edges=edges,
        edge_qualifiers=dict(edge_qualifiers),
        total_nodes=sum(nodes.values()),
        total_edges=sum(edges.values()),
    )


def graph_meta(store: GraphStore) -> GraphMeta:
    values = {row["key"]: row["value"] for row in run(store, "meta")}
    return GraphMeta(
        loaded_at=values.get("loaded_at"),
        origin=values.get("origin"),
        revision=values.get("revision", ""),
    )


def graph_meta_or_none(store: GraphStore) -> GraphMeta:
    """The graph's facts, or empty ones when nothing is loaded (a write into a new store)."""
    try:
        return graph_meta(store)
    except NoGraphError:
        return GraphMeta()
