"""An organisation's chart: its units down to a depth (PART_OF of the kinds that make a unit
part of an organisation), every unit's posts (POST_IN) and their holders (HOLDS), as of a day.
Walked one level at a time with the walks' own expand_in statement."""

from app.graph.explore import _edge
from app.graph.refs import entity_ref, outside_validity, require_node
from app.graph.walk import Budget, Hop, Window, expand
from app.model.answers import EdgeRef, Neighbourhood
from app.model.params import OrgChartViewParams
from app.model.vocabulary import ORG_CHART_PARTS, RelType
from app.store.base import GraphStore, Row


def org_chart(
    store: GraphStore, entity_id: str, params: OrgChartViewParams, budget: Budget
) -> Neighbourhood:
    """Units `depth` levels down, each with its posts and their holders, at most `limit`
    nodes (units nearer the top first; `truncated` says when the cap cut it short)."""
    top = require_node(store, entity_id, whole=False)
    outside = outside_validity(top, params.as_of)
    answer = Neighbourhood(
        center=entity_ref(top, params.lang),
        subject_validity=outside,
        depth=params.depth,
        nodes=[],
        edges=[],
        truncated=False,
    )
    if outside is not None:
        return answer
    window = Window.as_of(params.as_of)
    kept: dict[str, Row] = {entity_id: top}
    edges: dict[str, EdgeRef] = {}

    def take(hops: list[Hop]) -> list[Row]:
        """The nodes the hops reach that are new, posts first; the cap says when to stop."""
        reached = []
        for hop in sorted(hops, key=lambda h: (h.rel_type != RelType.POST_IN, h.node["id"])):
            if hop.node["id"] not in kept:
                if len(kept) >= params.limit:
                    answer.truncated = True
                    continue
                kept[hop.node["id"]] = hop.node
                reached.append(hop.node)
            edges[hop.rel["id"]] = _edge(hop)
        return reached

    units = [top]
    for level in range(params.depth + 1):
        deeper = level < params.depth
        types = [RelType.POST_IN, RelType.PART_OF] if deeper else [RelType.POST_IN]
        hops = expand(store, units, types, "in", window, budget)
        posts = take([h for h in hops if h.rel_type is RelType.POST_IN])
        take(expand(store, posts, [RelType.HOLDS], "in", window, budget))
        units = take([h for h in hops if h.rel.get("kind") in ORG_CHART_PARTS])
        if not units:
            break
    answer.nodes = [entity_ref(row, params.lang) for i, row in kept.items() if i != entity_id]
    answer.edges = sorted(edges.values(), key=lambda e: e.id)
    return answer
