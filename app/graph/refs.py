"""How answers name things: entity and edge references built from stored rows."""

import difflib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Literal, TypeVar

from app.errors import NotFoundError
from app.graph.rows import citations_from
from app.model import EDGE_MODELS
from app.model.answers import EdgeRef, EntityRef, SubjectValidity
from app.model.common import Citation, Names, first_day, last_day
from app.model.schema import edge_own_columns
from app.model.search_terms import home_language
from app.model.vocabulary import Country, Label, Lang, RelType
from app.store.base import GraphStore, Row


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


def entity_ref(row: Row, lang: Lang | None, *, dates_read: bool = True) -> EntityRef:
    """The entity as answers name it. Its validity is what the row has: a column the row lacks
    reads as null, as Neo4j hands over a whole node without its null properties (and a source,
    which has no validity columns, is undated). A caller whose statement did not read the
    dates at all says so with dates_read=False: then nothing is claimed (undated is false)."""
    valid_from, valid_to = row.get("valid_from"), row.get("valid_to")
    return EntityRef(
        id=row["id"],
        type=Label(row["_label"]),
        kind=row.get("kind") or "",
        name=display_name(row, lang),
        names=Names(fi=row.get("name_fi"), sv=row.get("name_sv"), en=row.get("name_en")),
        valid_from=valid_from,
        valid_to=valid_to,
        undated=dates_read and valid_from is None and valid_to is None,
    )


def outside_validity(row: Row, day: date | None) -> SubjectValidity | None:
    """Whether the entity of `row` did not exist yet, or had ended, on `day` (None: it
    existed, as far as its dates say, or no day was asked). Partial dates cover their whole
    span: valid_from 2019 begins on 2019-01-01, valid_to 2019 ends on 2019-12-31, the same
    reading as the walks' valid_from_date / valid_to_date columns."""
    if day is None:
        return None
    valid_from, valid_to = row.get("valid_from"), row.get("valid_to")
    entity, asked = row["id"], day.isoformat()
    if valid_from and day < first_day(valid_from):
        state: Literal["not_yet_valid", "ended"] = "not_yet_valid"
        message = f"{entity} did not exist yet on {asked}: it is valid from {valid_from}"
    elif valid_to and day > last_day(valid_to):
        state = "ended"
        message = f"{entity} had ended by {asked}: it was valid to {valid_to}"
    else:
        return None
    return SubjectValidity(
        entity=entity,
        state=state,
        as_of=asked,
        valid_from=valid_from,
        valid_to=valid_to,
        message=message + "; nothing is answered for that day",
    )


Answer = TypeVar("Answer")


def answer_for_none(
    answer: Callable[..., Answer],
    subject: Row,
    outside: SubjectValidity,
    lang: Lang | None,
    page: tuple[int, int],
    **fields: Any,
) -> Answer:
    """The answer about a subject that did not exist on the asked day: no items, and why."""
    limit, offset = page
    return answer(
        subject=entity_ref(subject, lang),
        subject_validity=outside,
        items=[],
        total=0,
        limit=limit,
        offset=offset,
        **fields,
    )


def edge_ref(rel: Row, rel_type: RelType, start: str, end: str) -> EdgeRef:
    attributes = {
        column: rel[column]
        for column in edge_own_columns(rel_type)
        if rel.get(column) is not None and rel.get(column) != []
    }
    qualifier_field = EDGE_MODELS[rel_type].qualifier_field
    return EdgeRef(
        id=rel["id"],
        type=rel_type,
        from_=start,
        to=end,
        qualifier=rel.get(qualifier_field) if qualifier_field else None,
        attributes=attributes,
        valid_from=rel.get("valid_from"),
        valid_to=rel.get("valid_to"),
        date_text=rel.get("date_text"),
        status=rel.get("status"),
        assertion=rel["assertion"],
        confidence=rel.get("confidence"),
        note=rel.get("note"),
        sources=[Citation.model_validate(c) for c in citations_from(rel)],
    )


def node_by_id(store: GraphStore, entity_id: str, *, whole: bool = True) -> Row | None:
    """The stored node with this id (two index lookups: its label, then the node): every
    property, or with whole=False only what names it (enough for walks and references)."""
    labels = store.run("entity_label", {"id": entity_id})
    if not labels:
        return None
    label = Label(labels[0]["label"])
    whole = whole or label is Label.SOURCE  # a source has no name columns (and sources are few)
    rows = store.run("entity" if whole else "entity_ref", {"id": entity_id}, label=label)
    if not rows:
        return None
    return rows[0]["n"] if whole else {**rows[0], "_label": label.value}


def nodes_by_id(store: GraphStore, ids: Iterable[str], *, whole: bool = True) -> dict[str, Row]:
    found = {}
    for entity_id in dict.fromkeys(i for i in ids if i):
        row = node_by_id(store, entity_id, whole=whole)
        if row is not None:
            found[entity_id] = row
    return found


def entity_refs(store: GraphStore, ids: Iterable[str], lang: Lang | None) -> dict[str, EntityRef]:
    found = nodes_by_id(store, ids, whole=False)
    return {i: entity_ref(row, lang) for i, row in found.items()}


def require_node(store: GraphStore, entity_id: str, *, whole: bool = True) -> Row:
    """The stored node (see node_by_id), or a 404 naming the closest ids."""
    row = node_by_id(store, entity_id, whole=whole)
    if row is not None:
        return row
    suggestions = closest_ids(store, entity_id)
    hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
    raise NotFoundError(f"no entity with id '{entity_id}'{hint}", suggestions)


def closest_ids(store: GraphStore, entity_id: str, count: int = 3) -> list[str]:
    """Ids that look like `entity_id`, from those sharing its first segment."""
    prefix = entity_id.split("-", 1)[0] + "-" if "-" in entity_id else entity_id[:2]
    candidates = [r["id"] for r in store.run("id_candidates", {"prefix": prefix, "limit": 20_000})]
    return difflib.get_close_matches(entity_id, candidates, n=count, cutoff=0.5)
