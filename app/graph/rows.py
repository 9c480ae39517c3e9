"""Model objects <-> flat property rows that both engines can hold.

Neo4j stores only scalars and lists of scalars, so names become name_fi / name_sv / name_en,
provenance (a list of {doc, quote}) becomes one JSON string `citations` (Neo4j has no maps in
properties, and one string copies three times faster than two parallel lists), and validity gets
real DATE columns (valid_from_date / valid_to_date, partial dates expanded) for "as of" filters.
"""

import json
import re
import unicodedata
from datetime import date
from typing import Any, Literal

from app.model import EDGE_MODELS, Edge, Node, Source
from app.model.common import Citation, first_day, last_day
from app.model.nodes import NODE_MODELS
from app.model.vocabulary import Country, Label, Lang, RelType

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


_NOT_A_WORD = re.compile(r"[\W_]+")  # what is not a letter or a digit


def fold_for_search(text: str) -> str:
    """Lower case, accents and other marks removed, every run of what is not a letter or a
    digit (punctuation, symbols, spaces) made one space: 'VN/24284/2021' -> 'vn 24284 2021',
    'Työ- ja elinkeinoministeriö' -> 'tyo ja elinkeinoministerio'. So every part of a code or
    a hyphenated name is a word, and a query folded the same way finds it however it is
    punctuated. csv_files.fold_array does the same a column at a time (RE2's [^\\pL\\pN]
    there is Python's [\\W_] here, but for a few CJK symbols that have a numeric value)."""
    if not text.isascii():  # NFKD leaves ASCII as it is, and ASCII has no marks
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return _NOT_A_WORD.sub(" ", text.lower()).strip()


def search_text(terms: list[str]) -> str:
    """Folded terms between bars, '| name one | name two |', so that search can tell an exact
    name ('| q |') from a name prefix ('| q') from a whole word (' q ') from a word prefix
    (' q') from a substring. A term that folds to nothing is left out; repeats are kept (the
    CSV path builds the same string column-wise, where dropping them would cost a sort)."""
    return "|" + "".join(f" {folded} |" for folded in map(fold_for_search, terms) if folded)


def home_language(country: Country | None) -> Lang:
    return Lang.SV if country is Country.SE else Lang.FI


def _validity(item: Node | Edge) -> dict[str, Any]:
    return {
        "valid_from": item.valid_from,
        "valid_to": item.valid_to,
        "valid_from_date": first_day(item.valid_from) if item.valid_from else None,
        "valid_to_date": last_day(item.valid_to) if item.valid_to else None,
        "date_text": item.date_text,
        "status": item.status.value if item.status else None,
        "citations": citations_json(item.sources),
        "assertion": item.assertion.value,
        "confidence": item.confidence.value if item.confidence else None,
        "note": item.note,
    }


def citations_json(sources: list[Citation]) -> str:
    return json.dumps([{"doc": c.doc, "quote": c.quote} for c in sources], ensure_ascii=False)


def citations_from(row: dict[str, Any]) -> list[dict[str, str]]:
    """The stored citations; strict=False because bulk loads leave control characters raw."""
    text = row.get("citations")
    return json.loads(text, strict=False) if text else []


def _json_list(items: list[Any]) -> str | None:
    if not items:
        return None
    return json.dumps([i.model_dump(exclude_none=True) for i in items], ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") else value


def node_row(node: Node | Source) -> dict[str, Any]:
    columns = node_columns(node.label)
    if isinstance(node, Source):
        row = {c: _plain(getattr(node, c, None)) for c in columns}
        row["name"] = node.title
        row["search_text"] = row["search_names"] = search_text([node.title])
        return row
    row = dict.fromkeys(columns)
    row.update(_validity(node))
    names, abbr = node.shown_names(), node.shown_abbr()
    for lang in Lang:
        row[f"name_{lang}"] = names.get(lang)
        row[f"abbr_{lang}"] = abbr.get(lang)
    row["name"] = node.display_name(home_language(node.country))
    row["search_text"] = search_text(node.search_terms())
    row["search_names"] = search_text(node.name_terms())
    for column in columns:
        if row[column] is None and column in type(node).model_fields:
            row[column] = _plain(getattr(node, column))
    if node.label is Label.EVENT:
        for lang in Lang:
            row[f"theme_{lang}"] = node.theme.get(lang)  # type: ignore[attr-defined]
    row["identifiers"] = _json_list(node.identifiers)  # JSON text, not the model lists
    row["links"] = _json_list(node.links)
    row["reference"] = _reference_json(node)
    return row


def _reference_json(node: Node) -> str | None:
    """The reference block, and which name columns it fills (the documents give no name
    there), so that reading the row back tells the documents' names from the reference's."""
    if node.reference is None:
        return None
    filled = [
        f"{kind}_{lang}"
        for kind, own, ref in (
            ("name", node.names, node.reference.names),
            ("abbr", node.abbr, node.reference.abbr),
        )
        for lang in Lang
        if ref.get(lang) and not own.get(lang)
    ]
    block = node.reference.model_dump(mode="json", exclude_none=True)
    return json.dumps({**block, "filled": filled}, ensure_ascii=False)


def edge_row(edge: Edge) -> dict[str, Any]:
    columns = edge_columns(edge.rel)
    row: dict[str, Any] = dict.fromkeys(columns)
    row.update(_validity(edge))
    row["id"] = edge.id
    for column in EDGE_EXTRA[edge.rel]:
        row[column] = _plain(getattr(edge, column))
    row["from"], row["to"] = edge.from_, edge.to
    return row


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def node_from_row(label: Label, row: dict[str, Any]) -> Node | Source:
    """Rebuild the model object from a stored row (the inverse of node_row)."""
    model = NODE_MODELS[label]
    if label is Label.SOURCE:
        return model.model_validate({k: row.get(k) for k in model.model_fields if k in row})
    reference = json.loads(row["reference"]) if row.get("reference") else None
    filled = set(reference.pop("filled", [])) if reference else set()
    data: dict[str, Any] = {
        "names": {lang.value: _own(row, f"name_{lang}", filled) for lang in Lang},
        "abbr": {lang.value: _own(row, f"abbr_{lang}", filled) for lang in Lang},
        "sources": citations_from(row),
    }
    if reference:
        data["reference"] = reference
    if label is Label.EVENT:
        data["theme"] = {lang.value: row.get(f"theme_{lang}") for lang in Lang}
    for listed in ("identifiers", "links"):
        if row.get(listed):
            data[listed] = json.loads(row[listed])
    skip = {"names", "abbr", "sources", "theme", "identifiers", "links", "reference"}
    for name in model.model_fields:
        if name not in skip and row.get(name) is not None:
            data[name] = _iso(row[name])
    return model.model_validate(data)


def _own(row: dict[str, Any], column: str, filled: set[str]) -> Any:
    return None if column in filled else row.get(column)


def edge_from_row(rel: RelType, row: dict[str, Any], start: str, end: str) -> Edge:
    model = EDGE_MODELS[rel]
    data: dict[str, Any] = {
        "type": rel.value,
        "from": start,
        "to": end,
        "sources": citations_from(row),
    }
    for name in model.model_fields:
        if name not in {"sources", "from_", "to", "type"} and row.get(name) is not None:
            data[name] = _iso(row[name])
    return model.model_validate(data)
