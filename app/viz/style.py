"""The visual language, from the vocabulary: colour and shape per node type and kind; colour,
dash and arrow per relationship type and steering mode. The legend is built from the same
tables, so the page can never show a style it does not explain."""

from dataclasses import dataclass

from app.model.vocabulary import GROUP_KINDS, Label, RelType, SteeringMode


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str
    size: int = 16


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    dashes: bool | list[int] = False
    arrows: str = "to"
    width: float = 1.5


NODE_STYLES: dict[Label, NodeStyle] = {
    Label.ORGANIZATION: NodeStyle("#1f77b4", "dot"),
    Label.PERSON: NodeStyle("#d62728", "triangle"),
    Label.POST: NodeStyle("#ff7f0e", "diamond", 12),
    Label.PROJECT: NodeStyle("#2ca02c", "square", 12),
    Label.DOCUMENT: NodeStyle("#8c564b", "box", 10),
    Label.EVENT: NodeStyle("#e377c2", "star", 12),
    Label.GOAL: NodeStyle("#7f7f7f", "hexagon", 10),
    Label.SOURCE: NodeStyle("#bcbd22", "text", 10),
}
# Organisation kinds that read differently on a map: steering bodies large, groups as squares.
KIND_STYLES: dict[str, NodeStyle] = {
    "ministry": NodeStyle("#08306b", "dot", 26),
    "agency": NodeStyle("#2171b5", "dot", 20),
    "regional_centre": NodeStyle("#6baed6", "dot", 16),
    "regional_agency": NodeStyle("#6baed6", "dot", 16),
    "regional_office": NodeStyle("#9ecae1", "dot", 14),
    "unit": NodeStyle("#c6dbef", "dot", 12),
    **{kind.value: NodeStyle("#17becf", "square", 14) for kind in GROUP_KINDS},
}
EDGE_STYLES: dict[RelType, EdgeStyle] = {
    RelType.STEERS: EdgeStyle("#08306b", width=2.5),
    RelType.PART_OF: EdgeStyle("#6baed6", width=2),
    RelType.MEMBER_OF: EdgeStyle("#17becf"),
    RelType.HOLDS: EdgeStyle("#d62728"),
    RelType.POST_IN: EdgeStyle("#ff7f0e"),
    RelType.PREPARES_FOR: EdgeStyle("#9467bd", [8, 4]),
    RelType.SUPPORTS: EdgeStyle("#9467bd", [2, 4]),
    RelType.COOPERATES_WITH: EdgeStyle("#2ca02c", [6, 6], arrows=""),
    RelType.ORGANISES: EdgeStyle("#2ca02c"),
    RelType.PARTICIPATES_IN: EdgeStyle("#98df8a"),
    RelType.PARTY_TO: EdgeStyle("#8c564b", [4, 4]),
    RelType.PRODUCES: EdgeStyle("#8c564b"),
    RelType.HAS_GOAL: EdgeStyle("#7f7f7f"),
    RelType.CONCERNS: EdgeStyle("#c7c7c7", [2, 2]),
    RelType.DERIVES_FROM: EdgeStyle("#7f7f7f", [10, 4]),
    RelType.CONTACT_FOR: EdgeStyle("#e377c2", [2, 6]),
}
# Steering is drawn by mode: administrative solid, performance dashed, the softer modes dotted.
MODE_STYLES: dict[SteeringMode, EdgeStyle] = {
    SteeringMode.ADMINISTRATIVE: EdgeStyle("#08306b", width=2.5),
    SteeringMode.PERFORMANCE: EdgeStyle("#e6550d", [10, 5], width=2.5),
    SteeringMode.UNSPECIFIED: EdgeStyle("#31a354", [4, 4], width=2),
    SteeringMode.DEVELOPMENT: EdgeStyle("#756bb1", [2, 4], width=2),
    SteeringMode.COORDINATION: EdgeStyle("#636363", [6, 3, 2, 3], width=2),
    SteeringMode.OVERSIGHT: EdgeStyle("#de2d26", [12, 3], width=2),
    SteeringMode.INTERNAL_GUIDANCE: EdgeStyle("#969696", [1, 3], width=1.5),
}


def node_style(label: Label, kind: str) -> NodeStyle:
    if label is Label.ORGANIZATION and kind in KIND_STYLES:
        return KIND_STYLES[kind]
    return NODE_STYLES[label]


def edge_style(rel: RelType, qualifier: str | None) -> EdgeStyle:
    if rel is RelType.STEERS and qualifier in set(SteeringMode):
        return MODE_STYLES[SteeringMode(qualifier)]
    return EDGE_STYLES[rel]
