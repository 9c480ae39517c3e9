"""The visual language, from the vocabulary. The dash pattern means one thing everywhere: how
the source supports a fact (stated solid, implied dashed, inferred dotted), on edges and on
node borders alike. What a relationship is (its type, a steering mode, a chair's seat) is told
by colour and width; what a node is by colour and shape, groups as squares in a colour per
kind. The legend (app/viz/legend.py) is drawn from these tables, so the page can never show a
style it does not explain."""

from dataclasses import dataclass

from app.model.vocabulary import (
    Assertion,
    Label,
    MemberRole,
    OrgKind,
    RelType,
    SteeringMode,
)


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str
    size: int = 16


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    width: float = 1.5
    arrows: str = "to"


ASSERTION_DASHES: dict[Assertion, bool | list[int]] = {
    Assertion.STATED: False,
    Assertion.IMPLIED: [8, 5],
    Assertion.INFERRED: [2, 4],
}
BORDER = "#222222"  # the dashed border of a node its source only implies or infers

NODE_STYLES: dict[Label, NodeStyle] = {
    Label.ORGANIZATION: NodeStyle("#56697d", "dot"),  # slate: apart from the kinds' blues
    Label.PERSON: NodeStyle("#d62728", "triangle"),
    Label.POST: NodeStyle("#ff7f0e", "diamond", 12),
    Label.PROJECT: NodeStyle("#2ca02c", "triangleDown", 12),
    Label.DOCUMENT: NodeStyle("#8c564b", "box", 10),
    Label.EVENT: NodeStyle("#e377c2", "star", 12),
    Label.GOAL: NodeStyle("#7f7f7f", "hexagon", 10),
    Label.SOURCE: NodeStyle("#bcbd22", "text", 10),
}
# Steering bodies large and dark, offices and units smaller and lighter.
_ORG_KIND_STYLES: dict[OrgKind, NodeStyle] = {
    OrgKind.MINISTRY: NodeStyle("#08306b", "dot", 26),
    OrgKind.AGENCY: NodeStyle("#2171b5", "dot", 20),
    OrgKind.REGIONAL_CENTRE: NodeStyle("#4292c6", "dot", 16),
    OrgKind.REGIONAL_AGENCY: NodeStyle("#6baed6", "dot", 16),
    OrgKind.REGIONAL_OFFICE: NodeStyle("#9ecae1", "dot", 14),
    OrgKind.UNIT: NodeStyle("#c6dbef", "dot", 12),
}
# Groups are squares (no organisation is), each kind in its own colour.
GROUP_STYLES: dict[OrgKind, NodeStyle] = {
    OrgKind.MANAGEMENT_GROUP: NodeStyle("#17becf", "square", 14),
    OrgKind.PREPARATORY_GROUP: NodeStyle("#9467bd", "square", 14),
    OrgKind.STEERING_GROUP: NodeStyle("#8c6d31", "square", 14),
    OrgKind.WORKING_GROUP: NodeStyle("#e7ba52", "square", 14),
    OrgKind.MANAGERS_GROUP: NodeStyle("#ad494a", "square", 14),
    OrgKind.FORUM: NodeStyle("#7b4173", "square", 14),
    OrgKind.NETWORK: NodeStyle("#b5cf6b", "square", 14),
    OrgKind.INFORMAL_GROUP: NodeStyle("#de9ed6", "square", 14),
    OrgKind.BOARD: NodeStyle("#5254a3", "square", 14),
}
KIND_STYLES: dict[str, NodeStyle] = {
    kind.value: style for kind, style in (_ORG_KIND_STYLES | GROUP_STYLES).items()
}

EDGE_STYLES: dict[RelType, EdgeStyle] = {
    RelType.STEERS: EdgeStyle("#08306b", 2.5),
    RelType.PART_OF: EdgeStyle("#6baed6", 2),
    RelType.MEMBER_OF: EdgeStyle("#17becf", 1.5),
    RelType.HOLDS: EdgeStyle("#d62728", 1.5),
    RelType.POST_IN: EdgeStyle("#ff7f0e", 1.5),
    RelType.PREPARES_FOR: EdgeStyle("#9467bd", 2),
    RelType.SUPPORTS: EdgeStyle("#c5b0d5", 1.5),
    RelType.COOPERATES_WITH: EdgeStyle("#2ca02c", 1.5, arrows=""),
    RelType.ORGANISES: EdgeStyle("#1b7837", 1.5),
    RelType.PARTICIPATES_IN: EdgeStyle("#98df8a", 1.5),
    RelType.PARTY_TO: EdgeStyle("#c49c94", 1.5),
    RelType.PRODUCES: EdgeStyle("#8c564b", 1.5),
    RelType.HAS_GOAL: EdgeStyle("#7f7f7f", 1.5),
    RelType.CONCERNS: EdgeStyle("#c7c7c7", 1.5),
    RelType.DERIVES_FROM: EdgeStyle("#525252", 1.5),
    RelType.CONTACT_FOR: EdgeStyle("#e377c2", 1.5),
}
# Steering by mode: the hard modes wide, the softer ones thinner.
MODE_STYLES: dict[SteeringMode, EdgeStyle] = {
    SteeringMode.ADMINISTRATIVE: EdgeStyle("#08306b", 3),
    SteeringMode.PERFORMANCE: EdgeStyle("#e6550d", 3),
    SteeringMode.OVERSIGHT: EdgeStyle("#de2d26", 2.5),
    SteeringMode.UNSPECIFIED: EdgeStyle("#31a354", 2),
    SteeringMode.DEVELOPMENT: EdgeStyle("#756bb1", 2),
    SteeringMode.COORDINATION: EdgeStyle("#636363", 2),
    SteeringMode.INTERNAL_GUIDANCE: EdgeStyle("#969696", 1.5),
}
CHAIR_STYLE = EdgeStyle("#0e7c86", 4.5)  # a chair's seat: wider and darker than a member's


def node_style(label: Label, kind: str) -> NodeStyle:
    if label is Label.ORGANIZATION and kind in KIND_STYLES:
        return KIND_STYLES[kind]
    return NODE_STYLES[label]


def drawn_shape(style: NodeStyle, hierarchical: bool) -> str:
    """The shape the map draws: a hierarchy puts every label inside a box (app/viz/page.py)."""
    return "box" if hierarchical else style.shape


def edge_style(rel: RelType, qualifier: str | None) -> EdgeStyle:
    if rel is RelType.STEERS and qualifier in set(SteeringMode):
        return MODE_STYLES[SteeringMode(qualifier)]
    if rel is RelType.MEMBER_OF and qualifier == MemberRole.CHAIR:
        return CHAIR_STYLE
    return EDGE_STYLES[rel]


def dashes(assertion: str | None) -> bool | list[int]:
    """The dash pattern of a fact as its source supports it (none said: solid)."""
    if assertion in set(Assertion):
        return ASSERTION_DASHES[Assertion(str(assertion))]
    return False
