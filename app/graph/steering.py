"""Who steers whom: steering chains up and down, and preparation chains.

Steering is transitive (whoever steers a steering body steers what it steers) and reaches down
through PART_OF to subordinate offices and units: whoever steers "the NTM centres" steers the
offices subordinate to them. A walk counts STEERS hops as depth; PART_OF hops are free.

A chain is as well supported as its weakest edge, STEERS and PART_OF alike (an implied
PART_OF makes the steering it passes on implied); a link or a step as well as its strongest
chain. Asked as of a day the subject did not exist, an answer holds nothing and says why.
"""

from collections.abc import Sequence
from typing import Literal

from app.graph.refs import answer_for_none, edge_ref, entity_ref, outside_validity, require_node
from app.graph.walk import (
    Budget,
    Direction,
    Hop,
    Reached,
    Window,
    assertion_of,
    expand,
    shortest_chains,
    strongest_support,
)
from app.model.answers import PreparationAnswer, PreparationStep, SteeringAnswer, SteeringLink
from app.model.params import PreparationParams, SteeringParams
from app.model.vocabulary import (
    STEERING_INHERITED_THROUGH,
    RelType,
    SteeringMode,
    strongest,
    weakest,
)
from app.store.base import GraphStore, Row

CHAINS_PER_RESULT = 20
Way = Literal["up", "down"]


def _walk_steering(
    store: GraphStore,
    subject_row: Row,
    way: Way,
    max_depth: int,
    modes: Sequence[SteeringMode],
    window: Window,
    budget: Budget,
) -> dict[str, Reached]:
    subject = subject_row["id"]
    # Up: steerers come in over STEERS; a node's parents share its steerers. Down: steered
    # nodes are reached over STEERS; their subordinate units are steered with them.
    steer_dir: Direction = "in" if way == "up" else "out"
    part_dir: Direction = "out" if way == "up" else "in"
    inherited = [k.value for k in STEERING_INHERITED_THROUGH]
    reached = {subject: Reached(0, subject_row)}
    level = [subject]
    depth = 0
    while level:
        if way == "up" or depth > 0:  # X's own units are not steered by X
            level = _close_over_part_of(store, level, part_dir, inherited, reached, window, budget)
        if depth == max_depth:
            break
        qualifiers = [m.value for m in modes]
        rows = [reached[i].node for i in level]
        hops = expand(store, rows, [RelType.STEERS], steer_dir, window, budget, qualifiers)
        level = _advance(hops, depth + 1, reached)
        depth += 1
    return reached


def _advance(hops: list[Hop], depth: int, reached: dict[str, Reached]) -> list[str]:
    """Record hops into nodes first met at `depth` (or met again at it); return the new ones."""
    new: list[str] = []
    for hop in hops:
        other = hop.node["id"]
        known = reached.get(other)
        if known is None:
            reached[other] = known = Reached(depth, hop.node)
            new.append(other)
        if known.depth == depth and other != hop.origin:
            known.parents.append((hop, hop.origin))
    return new


def _close_over_part_of(
    store: GraphStore,
    level: list[str],
    direction: Direction,
    kinds: list[str],
    reached: dict[str, Reached],
    window: Window,
    budget: Budget,
) -> list[str]:
    """Add, at the same depth, the nodes steering passes through PART_OF to or from."""
    everything, frontier = list(level), list(level)
    depth = reached[level[0]].depth if level else 0
    while frontier:
        rows = [reached[i].node for i in frontier]
        hops = expand(store, rows, [RelType.PART_OF], direction, window, budget, kinds)
        frontier = _advance(hops, depth, reached)
        everything += frontier
    return everything


def steering(
    store: GraphStore, entity_id: str, way: Way, params: SteeringParams, budget: Budget
) -> SteeringAnswer:
    """Who steers `entity_id` (way="up") or whom it steers (way="down")."""
    max_depth, modes, as_of = params.depth, params.mode, params.as_of
    lang, limit, offset = params.lang, params.limit, params.offset
    subject_row = require_node(store, entity_id, whole=False)
    outside = outside_validity(subject_row, as_of)
    if outside is not None:
        return answer_for_none(SteeringAnswer, subject_row, outside, lang, (limit, offset))
    window = Window.as_of(as_of)
    reached = _walk_steering(store, subject_row, way, max_depth, modes, window, budget)
    support = strongest_support(reached, entity_id)
    # a parent met on the way up is not itself a steerer: its chains must end with STEERS
    last = (lambda hop: hop.rel_type is RelType.STEERS) if way == "up" else None
    links = []
    for node_id, how in reached.items():
        if how.depth == 0:  # the subject, and (up) the bodies it is part of
            continue
        chains = shortest_chains(
            reached, node_id, entity_id, CHAINS_PER_RESULT, last=last, support=support
        )
        if not chains:
            continue
        if way == "up":
            chains = [list(reversed(c)) for c in chains]  # from the steerer down to the subject
        chains.sort(key=lambda chain: [h.rel["id"] for h in chain])  # the same answer every time
        path_assertions = [weakest(assertion_of(h) for h in c) for c in chains]
        links.append(
            SteeringLink(
                entity=entity_ref(how.node, lang),
                depth=how.depth,
                inherited=all(any(h.rel_type is RelType.PART_OF for h in c) for c in chains),
                assertion=strongest(path_assertions),
                modes=sorted(
                    {SteeringMode(h.rel["mode"]) for c in chains for h in c if h.rel.get("mode")}
                ),
                paths=[[edge_ref(h.rel, h.rel_type, h.start, h.end) for h in c] for c in chains],
                path_assertions=path_assertions,
            )
        )
    links.sort(key=lambda link: (link.depth, link.entity.name.casefold(), link.entity.id))
    return SteeringAnswer(
        subject=entity_ref(subject_row, lang),
        items=links[offset : offset + limit],
        total=len(links),
        limit=limit,
        offset=offset,
    )


PREPARATION_TYPES = (RelType.PREPARES_FOR, RelType.SUPPORTS)


def preparation_chain(
    store: GraphStore, entity_id: str, params: PreparationParams, budget: Budget
) -> PreparationAnswer:
    """Upwards from a body: whom it prepares matters for or supports, and so on up."""
    max_depth, as_of, lang = params.max_depth, params.as_of, params.lang
    limit, offset = params.limit, params.offset
    subject_row = require_node(store, entity_id, whole=False)
    outside = outside_validity(subject_row, as_of)
    if outside is not None:
        return answer_for_none(PreparationAnswer, subject_row, outside, lang, (limit, offset))
    window = Window.as_of(as_of)
    reached = {entity_id: Reached(0, subject_row)}
    level, depth = [entity_id], 0
    while level and depth < max_depth:
        rows = [reached[i].node for i in level]
        hops = expand(store, rows, PREPARATION_TYPES, "out", window, budget)
        depth += 1
        level = _advance(hops, depth, reached)
    support = strongest_support(reached, entity_id)
    steps = [
        PreparationStep(
            entity=entity_ref(how.node, lang),
            depth=how.depth,
            assertion=support[node_id],
            edges=sorted(
                (edge_ref(h.rel, h.rel_type, h.start, h.end) for h, _ in how.parents),
                key=lambda e: e.id,
            ),
        )
        for node_id, how in reached.items()
        if node_id != entity_id
    ]
    steps.sort(key=lambda s: (s.depth, s.entity.name.casefold(), s.entity.id))
    return PreparationAnswer(
        subject=entity_ref(subject_row, lang),
        items=steps[offset : offset + limit],
        total=len(steps),
        limit=limit,
        offset=offset,
    )
