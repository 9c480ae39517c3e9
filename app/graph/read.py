"""Entities, search, changes and statistics: the catalogue's direct lookups.

The walks (steering, preparation, neighbourhood, paths) live in steering.py and explore.py,
the memberships in groups.py; each takes its question's parameters (app/model/params.py)
whole and answers with app/model/answers.py objects.
"""

import heapq
from collections import defaultdict
from datetime import date
from functools import cache
from itertools import islice

from pydantic import BaseModel

from app.errors import NoGraphError
from app.graph.refs import display_name, edge_ref, entity_ref, require_node
from app.graph.rows import node_from_row
from app.graph.walk import Window
from app.model.answers import (
    OUT_MODELS,
    Change,
    ChangesAnswer,
    EntityPage,
    EntitySummary,
    GraphMeta,
    GraphStats,
    SearchAnswer,
    SearchHit,
)
from app.model.kind_words import KIND_ENUMS, kind_words
from app.model.params import (
    SEARCH_WINDOW,
    ChangesParams,
    EntitiesParams,
    EntityParams,
    SearchParams,
    StatsParams,
)
from app.model.search_terms import fold_for_search, search_text
from app.model.vocabulary import Label, Lang, RelType
from app.store.base import GraphStore, Row


def get_entity(store: GraphStore, entity_id: str, params: EntityParams | None = None) -> BaseModel:
    """One entity with all its properties, names, validity and sources (an EntityOut)."""
    lang = (params or EntityParams()).lang
    row = require_node(store, entity_id)
    label = Label(row["_label"])
    data = node_from_row(label, row).model_dump(by_alias=True)
    data.update(type=label.value, name=display_name(row, lang))
    out: BaseModel = OUT_MODELS[label].model_validate(data)
    return out


def list_entities(store: GraphStore, params: EntitiesParams) -> EntityPage:
    label, kind, lang = params.type, params.kind, params.lang
    limit, offset = params.limit, params.offset
    filters = {"label": label.value if label else "", "kind": kind or ""}
    total = store.run("entities_count", filters)[0]["total"]
    # LadybugDB 0.22 may crash the process when SKIP goes far past the end (engine-notes.md):
    # a page past the end is known to be empty without asking.
    rows = (
        store.run("entities", {"skip": offset, "limit": limit, **filters}) if offset < total else []
    )
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


def search(store: GraphStore, params: SearchParams) -> SearchAnswer:
    """Entities whose names, codes, identifiers, kind or texts contain the text asked for,
    ignoring case, accents and punctuation, ranked as SearchHit.score says (search.cypher)."""
    text, label, kind, as_of = params.q, params.type, params.kind, params.as_of
    lang, limit, offset = params.lang, params.limit, params.offset
    folded = fold_for_search(text)
    if not folded:  # only punctuation: nothing to look for (and CONTAINS '' is everything)
        return SearchAnswer(query=text, items=[], total=0, limit=limit, offset=offset)
    kinds, word_kinds = kinds_found(folded)
    typed_id = text.strip().lower()
    filters = {
        "q": folded,
        "kinds": kinds or [""],
        "label": label.value if label else "",
        "kind": kind or "",
        **Window.as_of(as_of).params(),
    }
    today = (as_of or date.today()).isoformat()
    best = store.run(
        "search", {"id": typed_id, "word_kinds": word_kinds or [""], "today": today, **filters}
    )
    # Fewer than a full window means these are all the hits: no second scan to count them.
    total = len(best)
    if total >= SEARCH_WINDOW:
        total = store.run("search_count", filters)[0]["total"]
        total += _found_by_id_alone(store, best, typed_id, folded, kinds)
    page = best[offset : offset + limit]
    nodes = _search_hits(store, page)
    hits = [
        SearchHit(
            **entity_ref(node, lang).model_dump(),
            score=r["score"],
            status=node.get("status"),
            retired=bool(r["retired"]),
        )
        for r in page
        if (node := nodes.get(r["id"])) is not None  # None: gone since the scan (a new graph)
    ]
    return SearchAnswer(query=text, items=hits, total=total, limit=limit, offset=offset)


def _found_by_id_alone(
    store: GraphStore, best: list[Row], typed_id: str, folded: str, kinds: list[str]
) -> int:
    """1 if the node whose id was typed is a hit only by its id (search_count leaves ids out)."""
    hit = next((row for row in best if row["id"] == typed_id), None)
    node = _search_hits(store, [hit]).get(typed_id) if hit else None
    if node is None:
        return 0
    return 0 if folded in (node.get("search_text") or "") or node.get("kind") in kinds else 1


def _search_hits(store: GraphStore, page: list[Row]) -> dict[str, Row]:
    """A page's nodes by id: one index lookup per label on the page."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for row in page:
        by_label[row["label"]].append(row["id"])
    found: dict[str, Row] = {}
    for label, ids in by_label.items():
        for row in store.run("search_hits", {"ids": ids}, label=Label(label)):
            found[row["n"]["id"]] = row["n"]
    return found


@cache
def _kind_texts() -> dict[str, str]:
    """Each kind's words as search_text holds terms: '| resultatomrade | ... | result area |'."""
    return {
        kind.value: search_text(kind_words(kind)) for enum in KIND_ENUMS.values() for kind in enum
    }


def kinds_found(folded: str) -> tuple[list[str], list[str]]:
    """The kinds whose words hold a folded query: anywhere, and as a word or a word's
    beginning (search's text tier, score 2); as the stored columns are searched."""
    anywhere = [kind for kind, words in _kind_texts().items() if folded in words]
    as_word = [kind for kind in anywhere if f" {folded}" in _kind_texts()[kind]]
    return anywhere, as_word


def changes(store: GraphStore, params: ChangesParams) -> ChangesAnswer:
    """Nodes and relationships that began or ended between two days (inclusive), by day,
    began before ended, then id. Four streams (nodes and relationships that began, that
    ended), each sorted by the engine and cut at the end of the page, merged here: the engine
    never hands over more than the page reaches, whatever the graph's size."""
    (first_day, last_day), lang = params.days, params.lang
    limit, offset = params.limit, params.offset
    bounds = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat()}
    reach = {"limit": offset + limit, **bounds}
    streams = []
    for change in ("began", "ended"):
        nodes = store.run("changes_nodes", {"change": change, **reach})
        streams.append([(r["day"], change, r["n"]["id"], r) for r in nodes])
        edges = store.run("changes_edges", {"change": change, **reach})
        streams.append([(r["day"], change, r["rel"]["id"], r) for r in edges])
    ordered = heapq.merge(*streams, key=lambda found: found[:3])
    page = [
        _change(change, row, lang) for _, change, _, row in islice(ordered, offset, offset + limit)
    ]
    total = sum(
        store.run(name, bounds)[0]["total"] or 0
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


def graph_stats(store: GraphStore, params: StatsParams | None = None) -> GraphStats:
    window = Window.as_of((params or StatsParams()).as_of).params()
    node_kinds: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.run("stats_nodes", window):
        node_kinds[row["label"]][row["kind"] or "-"] = row["count"]
    edge_qualifiers: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.run("stats_edges", window):
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
    values = {row["key"]: row["value"] for row in store.run("meta", {})}
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
