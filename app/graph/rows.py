"""Model objects <-> flat property rows that both engines can hold.

Neo4j stores only scalars and lists of scalars, so names become name_fi / name_sv / name_en,
provenance (a list of {doc, quote}) becomes one JSON string `citations` (Neo4j has no maps in
properties, and one string copies three times faster than two parallel lists), and validity gets
real DATE columns (valid_from_date / valid_to_date, partial dates expanded) for "as of" filters.
"""

import json
from datetime import date
from typing import Any

from app.model import EDGE_MODELS, Edge, Node, Source
from app.model.common import Citation, first_day, last_day
from app.model.nodes import NODE_MODELS
from app.model.schema import edge_columns, edge_own_columns, node_columns
from app.model.search_terms import home_language, search_text
from app.model.vocabulary import Label, Lang, RelType


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
    for column in edge_own_columns(edge.rel):
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
