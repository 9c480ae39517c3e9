"""Plain-text tooltips of a map's nodes and edges, in the map's language: what a node is, its
names, validity and sources; what a relationship says (a seat's basis, who designated it) and
how its source supports it. Text only: vis-network shows a string title as text."""

from typing import TYPE_CHECKING, Any

from app.graph.rows import citations_from
from app.model.vocabulary import Lang, RelType
from app.viz.words import WORDS, kind_word, qualifier_word, say, term

if TYPE_CHECKING:
    from app.viz.graph import ViewEdge, ViewNode

# Fields of a relationship that name another entity or say how a seat is held.
_REFERENCES = ("designated_by", "appointed_by", "on_behalf_of", "via_post")


def validity_line(start: str | None, end: str | None, lang: Lang) -> str:
    if start or end:
        return say("valid", lang, start=start or "…", end=end or "…")
    return say("undated", lang)


def node_tooltip(node: "ViewNode", lang: Lang) -> str:
    lines = [
        node.name,
        f"{term(node.label, lang)} · {kind_word(node.label, node.kind, lang)} · {node.id}",
    ]
    row = node.details or {}
    for code in Lang:
        name = row.get(f"name_{code}") if row else node.names.get(code)
        if name and (row or name != node.name):
            lines.append(f"{say('name_in', lang, code=code.value)}: {name}")
        if row.get(f"abbr_{code}"):
            lines.append(f"{say('abbr_in', lang, code=code.value)}: {row[f'abbr_{code}']}")
    if row.get("gloss_en"):
        lines.append(f"{say('gloss_in', lang, code='en')}: {row['gloss_en']}")
    if node.valid_from or node.valid_to or node.undated or row:
        lines.append(validity_line(node.valid_from, node.valid_to, lang))
    lines += _evidence(node.date_text, node.assertion, lang)
    citations = (
        citations_from(row) if row else [{"doc": c.doc, "quote": c.quote} for c in node.sources]
    )
    lines += [f"{c['doc']}: “{c['quote']}”" for c in citations]
    return "\n".join(lines)


def edge_tooltip(edge: "ViewEdge", names: dict[str, str], lang: Lang) -> str:
    """`names`: the map's names by id, so that the ends read as names rather than ids."""
    kind = term(edge.rel, lang)
    if edge.qualifier:
        kind += f" ({qualifier_word(edge.rel, edge.qualifier, lang)})"
    start, end = names.get(edge.start, edge.start), names.get(edge.end, edge.end)
    lines = [f"{kind}: {start} → {end}", validity_line(edge.valid_from, edge.valid_to, lang)]
    lines += _attributes(edge.rel, edge.attributes, names, lang)
    lines += _evidence(edge.date_text, edge.assertion, lang)
    lines += [f"{c.doc}: “{c.quote}”" for c in edge.sources]
    return "\n".join(lines)


def _attributes(
    rel: RelType, attributes: dict[str, Any], names: dict[str, str], lang: Lang
) -> list[str]:
    lines = []
    if rel is RelType.MEMBER_OF and attributes.get("basis"):
        basis = qualifier_word_of("MembershipBasis", str(attributes["basis"]), lang)
        lines.append(f"{say('basis', lang)}: {basis}")
    for field in _REFERENCES:
        if attributes.get(field):
            ref = str(attributes[field])
            lines.append(f"{say(field, lang)}: {names.get(ref, ref)}")
    if rel is RelType.HOLDS and attributes.get("title_as_given"):
        lines.append(f"{say('title_as_given', lang)}: {attributes['title_as_given']}")
    return lines


def _evidence(date_text: str | None, assertion: str | None, lang: Lang) -> list[str]:
    lines = []
    if date_text:
        lines.append(f"{say('date_as_given', lang)}: {date_text}")
    if assertion:
        lines.append(f"{say('assertion', lang)}: {qualifier_word_of('Assertion', assertion, lang)}")
    return lines


def qualifier_word_of(enum_name: str, value: str, lang: Lang) -> str:
    """A vocabulary value by its enum's name (the value itself where the table has none)."""
    key = f"{enum_name}.{value}"
    return say(key, lang) if key in WORDS else value
