"""A validated graph: what the loader writes and what every store holds."""

from collections import Counter
from dataclasses import dataclass, field

from app.model.edges import Edge
from app.model.nodes import Node, Source
from app.model.saved_maps import SavedMap
from app.model.vocabulary import Label, RelType


@dataclass(frozen=True)
class GraphBundle:
    sources: list[Source] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    # Carried by a dump and its restore (every other load keeps the store's own).
    saved_maps: list[SavedMap] = field(default_factory=list)

    def node_counts(self) -> dict[Label, int]:
        counts = Counter(n.label for n in self.nodes)
        counts[Label.SOURCE] = len(self.sources)
        return {label: counts[label] for label in Label if counts[label]}

    def edge_counts(self) -> dict[RelType, int]:
        counts = Counter(e.rel for e in self.edges)
        return {rel: counts[rel] for rel in RelType if counts[rel]}
