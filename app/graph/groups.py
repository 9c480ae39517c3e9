"""Who sits where: members of a body, memberships of a person, post or organisation, chairs,
bodies without a stated chair, and interlocks between bodies."""

from app.graph.refs import (
    answer_for_none,
    edge_ref,
    entity_ref,
    entity_refs,
    outside_validity,
    require_node,
)
from app.graph.walk import Budget, Hop, Window, expand
from app.model.answers import (
    BusyMember,
    EdgeRef,
    EntityList,
    Holder,
    Interlock,
    InterlocksAnswer,
    Member,
    MembersAnswer,
    Membership,
    MembershipsAnswer,
)
from app.model.params import DatedPage, InterlockParams, MembershipParams
from app.model.vocabulary import GROUP_KINDS, Label, MemberRole, RelType
from app.store.base import GraphStore

_GROUP_KINDS = sorted(k.value for k in GROUP_KINDS)
_ROLE_ORDER = {role: i for i, role in enumerate(MemberRole)}


def members(
    store: GraphStore, group_id: str, params: MembershipParams, budget: Budget
) -> MembersAnswer:
    """Each seat or member of a body with role and basis; seats with their known holders."""
    as_of, lang, limit, offset = params.as_of, params.lang, params.limit, params.offset
    group = require_node(store, group_id, whole=False)
    outside = outside_validity(group, as_of)
    if outside is not None:  # the body did not exist that day: it had no seats then
        return answer_for_none(
            MembersAnswer, group, outside, lang, (limit, offset), chair_stated=False
        )
    window = Window.as_of(as_of)
    seats = expand(store, [group], [RelType.MEMBER_OF], "in", window, budget)
    posts = [h.node for h in seats if h.node["_label"] == Label.POST]
    holders: dict[str, list[Holder]] = {}
    for hop in expand(store, posts, [RelType.HOLDS], "in", window, budget):
        holders.setdefault(hop.origin, []).append(
            Holder(person=entity_ref(hop.node, lang), edge=_edge(hop))
        )
    mentioned = [h.rel.get(f) for h in seats for f in _REFERENCE_FIELDS]
    refs = entity_refs(store, [m for m in mentioned if m], lang)
    items = [
        Member(
            member=entity_ref(hop.node, lang),
            role=hop.rel["role"],
            basis=hop.rel.get("basis"),
            edge=_edge(hop),
            holders=sorted(holders.get(hop.node["id"], []), key=lambda h: h.person.id),
            **{f: refs.get(hop.rel.get(f) or "") for f in _REFERENCE_FIELDS},
        )
        for hop in seats
    ]
    items.sort(key=lambda m: (_ROLE_ORDER[m.role], m.member.name.casefold(), m.member.id))
    return MembersAnswer(
        subject=entity_ref(group, lang),
        chair_stated=any(m.role is MemberRole.CHAIR for m in items),
        items=items[offset : offset + limit],
        total=len(items),
        limit=limit,
        offset=offset,
    )


_REFERENCE_FIELDS = ("designated_by", "appointed_by", "on_behalf_of", "via_post")


def _edge(hop: Hop) -> EdgeRef:
    return edge_ref(hop.rel, hop.rel_type, hop.start, hop.end)


def memberships(
    store: GraphStore,
    entity_id: str,
    params: MembershipParams,
    budget: Budget,
    roles: list[MemberRole] | None = None,
) -> MembershipsAnswer:
    """Where a person, post or organisation sits, directly and through the posts it holds
    (a person) or the posts it has (an organisation); with `roles`, only in those roles."""
    as_of, lang, limit, offset = params.as_of, params.lang, params.limit, params.offset
    subject = require_node(store, entity_id, whole=False)
    outside = outside_validity(subject, as_of)
    if outside is not None:
        return answer_for_none(MembershipsAnswer, subject, outside, lang, (limit, offset))
    window = Window.as_of(as_of)
    wanted = [r.value for r in roles or []]
    found: dict[tuple[str, str, str | None], Membership] = {}

    def add(hop: Hop, through: Hop | None) -> None:
        via = through.node["id"] if through else hop.rel.get("via_post")
        key = (hop.node["id"], hop.rel["role"], via)
        edges = ([_edge(through)] if through else []) + [_edge(hop)]
        if key in found:
            known = {e.id for e in found[key].edges}
            found[key].edges.extend(e for e in edges if e.id not in known)
            return
        found[key] = Membership(
            group=entity_ref(hop.node, lang),
            role=hop.rel["role"],
            basis=hop.rel.get("basis"),
            through=entity_ref(through.node, lang) if through else None,
            edges=edges,
        )

    for hop in expand(store, [subject], [RelType.MEMBER_OF], "out", window, budget, wanted):
        add(hop, None)
    label = subject["_label"]
    post_hops: list[Hop] = []
    if label == Label.PERSON:
        post_hops = expand(store, [subject], [RelType.HOLDS], "out", window, budget)
    elif label == Label.ORGANIZATION:
        post_hops = expand(store, [subject], [RelType.POST_IN], "in", window, budget)
    by_post = {h.node["id"]: h for h in post_hops}
    posts = [h.node for h in post_hops]
    for hop in expand(store, posts, [RelType.MEMBER_OF], "out", window, budget, wanted):
        add(hop, by_post[hop.origin])
    # a person-level membership names the post it is held through: show that post
    unresolved = [via for (_, _, via), m in found.items() if via and m.through is None]
    refs = entity_refs(store, unresolved, lang)
    for (_, _, via), membership in found.items():
        if via and membership.through is None:
            membership.through = refs.get(via)
    items = sorted(
        found.values(),
        key=lambda m: (m.group.name.casefold(), m.group.id, _ROLE_ORDER[m.role]),
    )
    return MembershipsAnswer(
        subject=entity_ref(subject, lang),
        items=items[offset : offset + limit],
        total=len(items),
        limit=limit,
        offset=offset,
    )


def unchaired_groups(store: GraphStore, params: DatedPage) -> EntityList:
    """Bodies (groups, forums, networks, boards) for which no chair is stated."""
    as_of, lang, limit, offset = params.as_of, params.lang, params.limit, params.offset
    rows = store.run("unchaired_groups", {"kinds": _GROUP_KINDS, **Window.as_of(as_of).params()})
    items = [entity_ref(r["g"], lang) for r in rows]
    return EntityList(
        items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset
    )


def interlocks(store: GraphStore, params: InterlockParams) -> InterlocksAnswer:
    """Pairs of bodies sharing at least `min_shared` members, and the members in most bodies."""
    min_shared, as_of, lang = params.min_shared, params.as_of, params.lang
    limit, offset = params.limit, params.offset
    window = Window.as_of(as_of).params()
    pairs = [
        Interlock(
            groups=[entity_ref(r["g1"], lang), entity_ref(r["g2"], lang)],
            shared=sorted((entity_ref(m, lang) for m in r["shared"]), key=lambda e: e.id),
            count=len(r["shared"]),
        )
        for r in store.run(
            "interlocks", {"kinds": _GROUP_KINDS, "min_shared": min_shared, **window}
        )
    ]
    busiest = [
        BusyMember(
            member=entity_ref(r["m"], lang),
            groups=sorted((entity_ref(g, lang) for g in r["groups"]), key=lambda e: e.id),
            count=len(r["groups"]),
        )
        for r in store.run("busiest_members", {"kinds": _GROUP_KINDS, "limit": limit, **window})
    ]
    return InterlocksAnswer(
        items=pairs[offset : offset + limit],
        total=len(pairs),
        limit=limit,
        offset=offset,
        busiest=busiest,
    )
