"""What a map shows: nodes and edges taken from catalogue answers, with plain-text tooltips."""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.graph.rows import citations_from
from app.model.answers import EdgeRef, EntityRef
from app.model.common import Citation
from app.model.vocabulary import Label, RelType


@dataclass(frozen=True)
class ViewNode:
    id: str
    label: Label
    kind: str
    name: str
    tooltip: str
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    assertion: str | None = None  # nodes carry one only where their source states it
    # Filled for the views small enough to read whole (app/viz/maps.py DETAILED_UP_TO).
    sources: tuple[Citation, ...] = field(default=(), hash=False, compare=False)


@dataclass(frozen=True)
class ViewEdge:
    id: str
    rel: RelType
    start: str
    end: str
    qualifier: str | None
    tooltip: str
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    assertion: str = "stated"
    # The type's own fields (role, basis, mode, …): a chair and a seat's basis are drawn.
    attributes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    sources: tuple[Citation, ...] = field(default=(), hash=False, compare=False)


@dataclass(frozen=True)
class Annotation:
    """One step of a saved map's story: a caption, and the nodes and edges it highlights."""

    caption: str
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()


@dataclass
class ViewGraph:
    """A subgraph ready to draw; `focus` is the entity the view is about (drawn first)."""

    title: str
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: dict[str, ViewEdge] = field(default_factory=dict)
    focus: str | None = None
    notice: str = ""  # what the reader should know: cut short, nothing found, no chair stated
    hierarchical: bool = False  # drawn top-down (steering and preparation chains)
    day: date | None = None  # the day the view shows (None: today's graph, every date)
    # What a saved map adds (app/graph/saved_maps.py): positions after dragging override the
    # layout, hidden nodes are left out, the annotations tell the story step by step.
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    annotations: list[Annotation] = field(default_factory=list)

    def add_entities(self, entities: Iterable[EntityRef]) -> None:
        for entity in entities:
            if entity.id not in self.nodes:
                self.nodes[entity.id] = ViewNode(
                    entity.id,
                    entity.type,
                    entity.kind,
                    entity.name,
                    entity_tooltip(entity),
                    valid_from=entity.valid_from,
                    valid_to=entity.valid_to,
                )

    def add_edges(self, edges: Iterable[EdgeRef]) -> None:
        for edge in edges:
            if edge.id not in self.edges:
                self.edges[edge.id] = ViewEdge(
                    edge.id,
                    edge.type,
                    edge.from_,
                    edge.to,
                    edge.qualifier,
                    edge_tooltip(edge),
                    valid_from=edge.valid_from,
                    valid_to=edge.valid_to,
                    date_text=edge.date_text,
                    assertion=str(edge.assertion),
                    attributes=dict(edge.attributes),
                    sources=tuple(edge.sources),
                )

    def add_details(self, node_id: str, row: dict[str, Any]) -> None:
        """What the stored node says beyond its reference: the full tooltip, its validity as
        stored (with a date as the source words it), its assertion and its sources."""
        node = self.nodes[node_id]
        self.nodes[node_id] = replace(
            node,
            tooltip=detailed_tooltip(row, node.name),
            valid_from=row.get("valid_from") or node.valid_from,
            valid_to=row.get("valid_to") or node.valid_to,
            date_text=row.get("date_text") or None,
            assertion=row.get("assertion") or None,
            sources=tuple(Citation(doc=c["doc"], quote=c["quote"]) for c in citations_from(row)),
        )

    def drawable_edges(self) -> list[ViewEdge]:
        """Edges whose both ends are on the map (a capped answer can leave one out)."""
        return [e for e in self.edges.values() if e.start in self.nodes and e.end in self.nodes]


def entity_tooltip(entity: EntityRef) -> str:
    lines = [entity.name, f"{entity.type.value} · {entity.kind} · {entity.id}"]
    for lang, name in entity.names.model_dump().items():
        if name and name != entity.name:
            lines.append(f"{lang}: {name}")
    if entity.valid_from or entity.valid_to:
        lines.append(f"valid {entity.valid_from or '…'} – {entity.valid_to or '…'}")
    elif entity.undated:
        lines.append(UNDATED_LINE)
    return "\n".join(lines)


UNDATED_LINE = "undated: no dates recorded"


def detailed_tooltip(row: dict[str, Any], name: str) -> str:
    """A stored node's tooltip: names in every language, validity and every source's quote."""
    lines = [name, f"{row['_label']} · {row.get('kind') or ''} · {row['id']}"]
    for lang in ("fi", "sv", "en"):
        for field_name, what in ((f"name_{lang}", "name"), (f"abbr_{lang}", "abbr.")):
            if row.get(field_name):
                lines.append(f"{what} ({lang}): {row[field_name]}")
    if row.get("gloss_en"):
        lines.append(f"gloss (en): {row['gloss_en']}")
    if row.get("valid_from") or row.get("valid_to"):
        lines.append(f"valid {row.get('valid_from') or '…'} – {row.get('valid_to') or '…'}")
    else:
        lines.append(UNDATED_LINE)
    if row.get("date_text"):
        lines.append(f"date as given: {row['date_text']}")
    if row.get("assertion"):
        lines.append(f"assertion: {row['assertion']}")
    lines += [f"{c['doc']}: “{c['quote']}”" for c in citations_from(row)]
    return "\n".join(lines)


def edge_tooltip(edge: EdgeRef) -> str:
    kind = f"{edge.type.value} ({edge.qualifier})" if edge.qualifier else edge.type.value
    lines = [f"{kind}: {edge.from_} → {edge.to}"]
    if edge.valid_from or edge.valid_to:
        lines.append(f"valid {edge.valid_from or '…'} – {edge.valid_to or '…'}")
    else:
        lines.append(UNDATED_LINE)
    if edge.date_text:
        lines.append(f"date as given: {edge.date_text}")
    lines.append(f"assertion: {edge.assertion}")
    lines += [f"{c.doc}: “{c.quote}”" for c in edge.sources]
    return "\n".join(lines)
