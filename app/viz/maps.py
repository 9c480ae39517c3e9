"""The maps, declared once (parameters and builder) like the catalogue of questions: each draws
what a catalogue answer holds, restricted by `as_of` and named in the chosen language. The API
(/api/v1/views/…), the explorer page and `orgmap export map` are built from VIEWS."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.graph import explore, orgchart, steering
from app.graph.catalogue import ask
from app.graph.one_graph import from_one_graph
from app.graph.refs import entity_ref, node_by_id
from app.graph.walk import Budget
from app.model.answers import EdgeRef, EntityRef, SubjectValidity
from app.model.params import (
    VIEW_PARAMS,
    DepthParams,
    GraphViewParams,
    NeighbourhoodViewParams,
    OrgChartViewParams,
    PathViewParams,
    SteeringViewParams,
    ViewParams,
)
from app.model.vocabulary import Lang, RelType, ViewName
from app.store.base import GraphStore
from app.viz.changes import Change, compared
from app.viz.graph import ViewGraph
from app.viz.words import say

Builder = Callable[[GraphStore, str | None, Any, Budget], ViewGraph]


@dataclass(frozen=True)
class ViewEntry:
    params: type[ViewParams]
    about: str
    build: Builder
    needs_id: bool = True
    hierarchical: bool = False  # drawn top-down, steering first


DETAILED_UP_TO = 300  # views this small get every node's sources in its tooltip


def build_view(
    store: GraphStore, name: str, entity_id: str | None, params: ViewParams, budget: Budget
) -> ViewGraph:
    """Build a view; small ones get full tooltips (names, validity, sources with quotes).
    With `since`, the view on its day and the one on `since` together, each item's change
    marked (app/viz/changes.py). Made from one graph, even while a load swaps another in."""
    return from_one_graph(store, lambda: _build_view(store, name, entity_id, params, budget))


def _build_view(
    store: GraphStore, name: str, entity_id: str | None, params: ViewParams, budget: Budget
) -> ViewGraph:
    entry = VIEWS[name]
    view = entry.build(store, entity_id, params, budget)
    view.hierarchical = entry.hierarchical
    view.day = params.as_of
    if params.since is not None:
        view.day = params.as_of or date.today()
        earlier = params.model_copy(update={"as_of": params.since, "since": None})
        then = entry.build(store, entity_id, earlier, budget)
        then.day = params.since
        compared(view, then)
    if len(view.nodes) <= DETAILED_UP_TO:
        for node_id in list(view.nodes):
            row = node_by_id(store, node_id)
            if row is not None:
                view.add_details(node_id, row)
    view.localise(_lang(params))  # every tooltip in the chosen language, whatever the builder
    _say_the_day(view, _lang(params))
    return view


def _say_the_day(view: ViewGraph, lang: Lang) -> None:
    """The day goes into the title (and so into every export), a comparison into the notice."""
    day = say("day_shown", lang, day=view.day.isoformat()) if view.day else say("every_day", lang)
    view.title = f"{view.title} · {day}"
    if view.since is not None and view.day is not None:
        counts = Counter(view.changes.values())
        compared_days = say(
            "compared",
            lang,
            since=view.since.isoformat(),
            day=view.day.isoformat(),
            **{change.value: counts[change.value] for change in Change},
        )
        view.notice = " · ".join(n for n in (view.notice, compared_days) if n)


def _lang(params: ViewParams) -> Lang:
    return params.lang or Lang.FI


CATALOGUE_PAGE = 1000  # the most a catalogue answer gives on one page


def _ask(store: GraphStore, name: str, entity_id: str | None, budget: Budget, **params: Any) -> Any:
    """A view's data is a catalogue answer: the same parameters, checks and function."""
    return ask(store, name, entity_id, params, budget)


def _fill_missing_ends(view: ViewGraph, store: GraphStore, params: ViewParams) -> None:
    """Answers name some entities only by id (the middle of a chain): look them up."""
    missing = {e.start for e in view.edges.values()} | {e.end for e in view.edges.values()}
    for entity_id in sorted(missing - view.nodes.keys()):
        row = node_by_id(store, entity_id, whole=False)
        if row is not None:
            view.add_entities([entity_ref(row, params.lang)])


def _outside_notice(lang: Lang, *validities: SubjectValidity | None) -> str:
    """The notice of a view whose entity did not exist on the asked day (empty otherwise)."""
    return "; ".join(
        say(
            v.state,
            lang,
            entity=v.entity,
            day=v.as_of,
            valid_from=v.valid_from,
            valid_to=v.valid_to,
        )
        for v in validities
        if v is not None
    )


def _neighbourhood(
    store: GraphStore, i: str | None, p: NeighbourhoodViewParams, b: Budget
) -> ViewGraph:
    # Not through the catalogue's checks: a map may go deeper (10 hops) than the API's (5).
    answer = explore.neighbourhood(store, i or "", p, b)
    title = say("title_neighbourhood", _lang(p), name=answer.center.name, depth=p.depth)
    view = ViewGraph(title, focus=answer.center.id)
    view.add_entities([answer.center, *answer.nodes])
    view.add_edges(answer.edges)
    if answer.truncated:
        view.notice = say("cut_narrow", _lang(p), limit=p.limit)
    view.notice = _outside_notice(_lang(p), answer.subject_validity) or view.notice
    return view


def _steering_tree(way: steering.Way) -> Builder:
    def build(store: GraphStore, i: str | None, p: SteeringViewParams, b: Budget) -> ViewGraph:
        answer = _ask(
            store, "steered-by" if way == "up" else "steers", i, b,
            max_depth=p.depth, mode=p.mode, as_of=p.as_of, lang=p.lang, limit=CATALOGUE_PAGE,
        )  # fmt: skip
        what = "title_steered_by" if way == "up" else "title_steers"
        view = ViewGraph(say(what, _lang(p), name=answer.subject.name), focus=answer.subject.id)
        view.add_entities([answer.subject, *(link.entity for link in answer.items)])
        view.add_edges(edge for link in answer.items for path in link.paths for edge in path)
        _fill_missing_ends(view, store, p)
        view.notice = _outside_notice(_lang(p), answer.subject_validity)
        return view

    return build


def _members(store: GraphStore, i: str | None, p: ViewParams, b: Budget) -> ViewGraph:
    answer = _ask(store, "members", i, b, as_of=p.as_of, lang=p.lang, limit=CATALOGUE_PAGE)
    title = say("title_members", _lang(p), name=answer.subject.name)
    view = ViewGraph(title, focus=answer.subject.id)
    view.add_entities([answer.subject])
    for member in answer.items:
        view.add_entities([member.member])
        view.add_edges([member.edge])
        for holder in member.holders:
            view.add_entities([holder.person])
            view.add_edges([holder.edge])
    if not answer.chair_stated:
        view.notice = say("no_chair", _lang(p))
    view.notice = _outside_notice(_lang(p), answer.subject_validity) or view.notice
    return view


def _org_chart(store: GraphStore, i: str | None, p: OrgChartViewParams, b: Budget) -> ViewGraph:
    answer = orgchart.org_chart(store, i or "", p, b)
    title = say("title_org_chart", _lang(p), name=answer.center.name)
    view = ViewGraph(title, focus=answer.center.id)
    view.add_entities([answer.center, *answer.nodes])
    view.add_edges(answer.edges)
    if answer.truncated:
        view.notice = say("cut_depth", _lang(p), limit=p.limit)
    view.notice = _outside_notice(_lang(p), answer.subject_validity) or view.notice
    return view


def _preparation(store: GraphStore, i: str | None, p: DepthParams, b: Budget) -> ViewGraph:
    answer = _ask(
        store, "preparation-chain", i, b,
        max_depth=p.depth, as_of=p.as_of, lang=p.lang, limit=CATALOGUE_PAGE,
    )  # fmt: skip
    title = say("title_preparation", _lang(p), name=answer.subject.name)
    view = ViewGraph(title, focus=answer.subject.id)
    view.add_entities([answer.subject, *(step.entity for step in answer.items)])
    view.add_edges(edge for step in answer.items for edge in step.edges)
    _fill_missing_ends(view, store, p)
    view.notice = _outside_notice(_lang(p), answer.subject_validity)
    return view


def _paths(store: GraphStore, i: str | None, p: PathViewParams, b: Budget) -> ViewGraph:
    answer = _ask(
        store, "paths", None, b,
        **{"from": i or "", "to": p.to}, max_length=p.max_length, as_of=p.as_of, lang=p.lang,
    )  # fmt: skip
    view = ViewGraph(f"{answer.source.name} → {answer.target.name}", focus=answer.source.id)
    view.add_entities([answer.source, answer.target])
    for path in answer.items:
        view.add_entities(path.nodes)
        view.add_edges(path.edges)
    if not answer.items:
        view.notice = say("no_path", _lang(p), steps=p.max_length)
    validities = (answer.source_validity, answer.target_validity)
    view.notice = _outside_notice(_lang(p), *validities) or view.notice
    return view


def _whole_graph(store: GraphStore, i: str | None, p: GraphViewParams, b: Budget) -> ViewGraph:
    keep = _node_filter(p)
    nodes, edges, truncated = explore.graph_edges(
        store,
        types=p.rel or list(RelType),
        as_of=p.as_of,
        lang=p.lang,
        keep=keep,
        node_limit=p.limit,
    )
    if not p.rel:  # the whole graph holds the entities without relationships too
        drawn = {n.id for n in nodes}
        loose = explore.graph_nodes(
            store, labels=p.type, kinds=p.kind, as_of=p.as_of, lang=p.lang, limit=p.limit + 1
        )
        truncated = truncated or len(loose) > p.limit
        nodes += [n for n in loose if n.id not in drawn]
    view = ViewGraph(say("title_graph_filtered" if _filtered(p) else "title_graph", _lang(p)))
    view.add_entities(nodes[: p.limit])
    view.add_edges(e for e in edges if _mode_kept(e, p))
    if truncated or len(nodes) > p.limit:
        view.notice = say("cut_filter", _lang(p), limit=p.limit)
    return view


def _node_filter(p: GraphViewParams) -> Callable[[EntityRef], bool]:
    return lambda n: (not p.type or n.type in p.type) and (not p.kind or n.kind in p.kind)


def _mode_kept(edge: EdgeRef, p: GraphViewParams) -> bool:
    return not p.mode or edge.type is not RelType.STEERS or edge.qualifier in p.mode


def _filtered(p: GraphViewParams) -> bool:
    return bool(p.type or p.kind or p.rel or p.mode)


def _view(
    name: ViewName, about: str, build: Builder, *, needs_id: bool = True, hierarchical: bool = False
) -> tuple[str, ViewEntry]:
    """A view under its name in the vocabulary, with the parameters the model declares for it."""
    return name, ViewEntry(VIEW_PARAMS[name], about, build, needs_id, hierarchical)


VIEWS: dict[str, ViewEntry] = dict(
    [
        _view(ViewName.NEIGHBOURHOOD, "the entities within k hops of one", _neighbourhood),
        _view(
            ViewName.STEERED_BY,
            "the steering tree above an entity",
            _steering_tree("up"),
            hierarchical=True,
        ),
        _view(
            ViewName.STEERS,
            "the steering tree below an entity",
            _steering_tree("down"),
            hierarchical=True,
        ),
        _view(
            ViewName.MEMBERS,
            "a body's seats, posts and their holders",
            _members,
            hierarchical=True,
        ),
        _view(
            ViewName.PREPARATION_CHAIN,
            "whom a body prepares matters for, and on up",
            _preparation,
            hierarchical=True,
        ),
        _view(ViewName.PATHS, "the shortest paths between two entities", _paths),
        _view(
            ViewName.GRAPH,
            "the whole graph, filtered by type, kind, relationship and mode",
            _whole_graph,
            needs_id=False,
        ),
        _view(
            ViewName.ORG_CHART,
            "an organisation's units, their posts and the posts' holders",
            _org_chart,
            hierarchical=True,
        ),
    ]
)
"""Every view of the vocabulary (ViewName), in its order."""
