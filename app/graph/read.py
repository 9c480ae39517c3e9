"""The named read queries: one function per query in cypher/queries, returning model objects.

Written once above the store interface; the catalogue picks each backend's form of a query.
"""

from collections import defaultdict
from typing import Any

from pydantic import BaseModel

from app.errors import NotFoundError
from app.graph import catalogue
from app.graph.rows import home_language, node_from_row
from app.model.views import (
    OUT_MODELS,
    EntityPage,
    EntitySummary,
    GraphMeta,
    GraphStats,
)
from app.model.vocabulary import Country, Label, Lang
from app.store.base import GraphStore, Row


def run(store: GraphStore, name: str, **params: Any) -> list[Row]:
    """Run a named query with exactly the parameters its text uses."""
    query = catalogue.query(name, store.backend)
    return store.read(query.text, query.bind(params))


def display_name(row: Row, lang: Lang | None) -> str:
    """The name to show: the asked language, then the entity's own, then fi, sv, en, the gloss.

    English asks for the English gloss before falling back to a Finnish or Swedish name.
    """
    if row.get("_label") in (Label.PERSON, Label.SOURCE):
        return str(row.get("name") or row["id"])
    if lang is Lang.EN and not row.get("name_en") and row.get("gloss_en"):
        return str(row["gloss_en"])  # an English description beats a name English readers lack
    country = Country(row["country"]) if row.get("country") else None
    order = [lang] if lang else []
    order += [home_language(country), Lang.FI, Lang.SV, Lang.EN]
    for candidate in order:
        if row.get(f"name_{candidate}"):
            return str(row[f"name_{candidate}"])
    return str(row.get("gloss_en") or row.get("name") or row["id"])


def get_entity(store: GraphStore, entity_id: str, lang: Lang | None = None) -> BaseModel:
    """One entity with all its properties, names, validity and sources (an EntityOut)."""
    rows = run(store, "entity", id=entity_id)
    if not rows:
        raise NotFoundError(f"no entity with id '{entity_id}'")
    row = rows[0]["n"]
    label = Label(row["_label"])
    node = node_from_row(label, row)
    data = node.model_dump(by_alias=True)
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
    label_name = label.value if label else None
    rows = run(store, "entities", label=label_name, kind=kind, skip=offset, limit=limit)
    total = run(store, "entities_count", label=label_name, kind=kind)[0]["total"]
    items = [_summary(r["n"], lang) for r in rows]
    return EntityPage(items=items, total=total, limit=limit, offset=offset)


def _summary(row: Row, lang: Lang | None) -> EntitySummary:
    return EntitySummary(
        id=row["id"],
        type=Label(row["_label"]),
        kind=row["kind"],
        name=display_name(row, lang),
        names={k: row.get(f"name_{k}") for k in ("fi", "sv", "en")},
        is_class=bool(row.get("is_class")),
        country=row.get("country"),
        valid_from=row.get("valid_from"),
        valid_to=row.get("valid_to"),
        status=row.get("status"),
    )


def graph_stats(store: GraphStore) -> GraphStats:
    node_kinds: dict[str, dict[str, int]] = defaultdict(dict)
    for row in run(store, "stats_nodes"):
        node_kinds[row["label"]][row["kind"] or "-"] = row["count"]
    edge_qualifiers: dict[str, dict[str, int]] = defaultdict(dict)
    for row in run(store, "stats_edges"):
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
    return GraphMeta(loaded_at=values.get("loaded_at"), origin=values.get("origin"))
