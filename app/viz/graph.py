"""What a map shows: nodes and edges taken from catalogue answers, with plain-text tooltips."""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.graph.rows import citations_from
from app.model.answers import EdgeRef, EntityRef
from app.model.common import Citation
from app.model.vocabulary import Label, Lang, RelType
from app.viz.tooltips import edge_tooltip, node_tooltip


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
    # What the tooltip is told again from, in another language (ViewGraph.localise).
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    undated: bool = False
    details: dict[str, Any] | None = field(default=None, hash=False, compare=False)


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
    # A comparison with an earlier day (app/viz/changes.py): each node's and edge's change.
    since: date | None = None
    changes: dict[str, str] = field(default_factory=dict)
    # What a saved map adds (app/graph/saved_maps.py): positions after dragging override the
    # layout, hidden nodes are left out, the annotations tell the story step by step.
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    annotations: list[Annotation] = field(default_factory=list)
    lang: Lang = Lang.FI  # the language of the tooltips (the names come named in it)

    def add_entities(self, entities: Iterable[EntityRef]) -> None:
        for entity in entities:
            if entity.id not in self.nodes:
                node = ViewNode(
                    entity.id,
                    entity.type,
                    entity.kind,
                    entity.name,
                    "",
                    valid_from=entity.valid_from,
                    valid_to=entity.valid_to,
                    names={k: v for k, v in entity.names.model_dump().items() if v},
                    undated=entity.undated,
                )
                self.nodes[entity.id] = replace(node, tooltip=node_tooltip(node, self.lang))

    def add_edges(self, edges: Iterable[EdgeRef]) -> None:
        names = self._names()
        for edge in edges:
            if edge.id not in self.edges:
                self.edges[edge.id] = ViewEdge(
                    edge.id,
                    edge.type,
                    edge.from_,
                    edge.to,
                    edge.qualifier,
                    "",
                    valid_from=edge.valid_from,
                    valid_to=edge.valid_to,
                    date_text=edge.date_text,
                    assertion=str(edge.assertion),
                    attributes=dict(edge.attributes),
                    sources=tuple(edge.sources),
                )
                told = edge_tooltip(self.edges[edge.id], names, self.lang)
                self.edges[edge.id] = replace(self.edges[edge.id], tooltip=told)

    def add_details(self, node_id: str, row: dict[str, Any]) -> None:
        """What the stored node says beyond its reference: the full tooltip, its validity as
        stored (with a date as the source words it), its assertion and its sources."""
        node = replace(
            self.nodes[node_id],
            valid_from=row.get("valid_from") or self.nodes[node_id].valid_from,
            valid_to=row.get("valid_to") or self.nodes[node_id].valid_to,
            date_text=row.get("date_text") or None,
            assertion=row.get("assertion") or None,
            sources=tuple(Citation(doc=c["doc"], quote=c["quote"]) for c in citations_from(row)),
            details=row,
        )
        self.nodes[node_id] = replace(node, tooltip=node_tooltip(node, self.lang))

    def localise(self, lang: Lang) -> None:
        """Every tooltip told again in `lang` (once all nodes are in: edges name their ends)."""
        self.lang = lang
        for node_id, node in self.nodes.items():
            self.nodes[node_id] = replace(node, tooltip=node_tooltip(node, lang))
        names = self._names()
        for edge_id, edge in self.edges.items():
            self.edges[edge_id] = replace(edge, tooltip=edge_tooltip(edge, names, lang))

    def _names(self) -> dict[str, str]:
        return {node_id: node.name for node_id, node in self.nodes.items()}

    def drawable_edges(self) -> list[ViewEdge]:
        """Edges whose both ends are on the map (a capped answer can leave one out)."""
        return [e for e in self.edges.values() if e.start in self.nodes and e.end in self.nodes]
