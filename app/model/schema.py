"""The stored layout: every label's and relationship type's columns and their types, which
both engines hold (scalars and lists of scalars). app/graph/rows.py turns models into rows of
these columns; the LadybugDB schema (cypher/schema/ladybug.cypher) and the CSV columns are
derived from them."""

from typing import Literal

from app.model.vocabulary import Label, Lang, RelType

ColumnType = Literal["STRING", "STRING[]", "BOOLEAN", "INT64", "DATE"]

_NAMES = {f"name_{lang}": "STRING" for lang in Lang} | {f"abbr_{lang}": "STRING" for lang in Lang}
_VALIDITY: dict[str, ColumnType] = {
    "valid_from": "STRING",
    "valid_to": "STRING",
    "valid_from_date": "DATE",
    "valid_to_date": "DATE",
    "date_text": "STRING",
    "status": "STRING",
}
_PROVENANCE: dict[str, ColumnType] = {
    "citations": "STRING",
    "assertion": "STRING",
    "confidence": "STRING",
    "note": "STRING",
}
NODE_COMMON: dict[str, ColumnType] = {
    "id": "STRING",
    "kind": "STRING",
    "name": "STRING",
    **_NAMES,  # type: ignore[dict-item]
    "alt_names": "STRING[]",
    "gloss_en": "STRING",
    "search_text": "STRING",
    "search_names": "STRING",
    "is_class": "BOOLEAN",
    "cardinality": "INT64",
    "country": "STRING",
    "identifiers": "STRING",  # JSON, like citations
    "links": "STRING",
    "placeholder": "BOOLEAN",
    "reference": "STRING",  # JSON: names cited from a reference list, and which columns they fill
    **_VALIDITY,
    **_PROVENANCE,
}
NODE_EXTRA: dict[Label, dict[str, ColumnType]] = {
    Label.ORGANIZATION: {
        "purpose": "STRING",
        "purpose_lang": "STRING",
        "channels": "STRING[]",
        "group_size_text": "STRING",
    },
    Label.PERSON: {
        "given_name": "STRING",
        "family_name": "STRING",
        "email": "STRING",
        "phone": "STRING",
        "name_derivation": "STRING",
    },
    Label.POST: {},
    Label.PROJECT: {
        "project_code": "STRING",
        "case_numbers": "STRING[]",
        "appointed_on": "STRING",
    },
    Label.DOCUMENT: {
        "period_text": "STRING",
        "review_cycle": "STRING",
        "language": "STRING",
        "text": "STRING",
    },
    Label.EVENT: {
        "location": "STRING",
        "online": "BOOLEAN",
        "theme_fi": "STRING",
        "theme_sv": "STRING",
        "theme_en": "STRING",
        "ordinal": "INT64",
        "recurrence": "STRING",
    },
    Label.GOAL: {"text": "STRING", "text_lang": "STRING", "subgoal_count": "INT64"},
}
SOURCE_COLUMNS: dict[str, ColumnType] = {
    "id": "STRING",
    "kind": "STRING",
    "name": "STRING",
    "search_text": "STRING",
    "search_names": "STRING",
    "title": "STRING",
    "file": "STRING",
    "lang": "STRING",
    "country": "STRING",
    "note": "STRING",
    "valid_from_date": "DATE",  # always empty: a source is not dated, but walks filter on it
    "valid_to_date": "DATE",
}
EDGE_COMMON: dict[str, ColumnType] = {"id": "STRING", **_VALIDITY, **_PROVENANCE}
EDGE_EXTRA: dict[RelType, dict[str, ColumnType]] = {
    RelType.STEERS: {
        "mode": "STRING",
        "instruments": "STRING[]",
        "joint": "BOOLEAN",
        "jointly_with": "STRING[]",
        "level": "STRING",
    },
    RelType.MEMBER_OF: {
        "role": "STRING",
        "basis": "STRING",
        "designated_by": "STRING",
        "appointed_by": "STRING",
        "on_behalf_of": "STRING",
        "via_post": "STRING",
    },
    RelType.HOLDS: {"title_as_given": "STRING"},
    RelType.POST_IN: {},
    RelType.PART_OF: {"kind": "STRING", "ordinal": "INT64"},
    RelType.PREPARES_FOR: {"scope": "STRING"},
    RelType.SUPPORTS: {"mode": "STRING"},
    RelType.COOPERATES_WITH: {"mode": "STRING"},
    RelType.ORGANISES: {"role": "STRING"},
    RelType.PARTICIPATES_IN: {"role": "STRING"},
    RelType.PARTY_TO: {"role": "STRING", "per_member": "BOOLEAN"},
    RelType.PRODUCES: {"mode": "STRING"},
    RelType.HAS_GOAL: {},
    RelType.CONCERNS: {"mode": "STRING", "scope": "STRING"},
    RelType.DERIVES_FROM: {"mode": "STRING"},
    RelType.CONTACT_FOR: {"channel": "STRING", "basis": "STRING"},
}


def node_columns(label: Label) -> dict[str, ColumnType]:
    if label is Label.SOURCE:
        return SOURCE_COLUMNS
    return NODE_COMMON | NODE_EXTRA[label]


def edge_columns(rel: RelType) -> dict[str, ColumnType]:
    return EDGE_COMMON | EDGE_EXTRA[rel]
