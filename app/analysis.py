"""What the notebooks use: the store the settings name, catalogue questions by name, evidence
as rows, the graph as a networkx projection and maps for inline display. Notebooks hold no
Cypher: every question goes through the same catalogue as the API and the CLI."""

import html
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import BaseModel

from app.config import PROJECT_ROOT, Settings, get_settings
from app.graph import catalogue, explore
from app.graph.catalogue import budget
from app.model.answers import EdgeRef
from app.model.vocabulary import Lang, RelType
from app.store import GraphStore, open_store
from app.viz.graph import ViewGraph
from app.viz.maps import VIEWS, build_view
from app.viz.page import render_html


def settings_for_notebooks() -> Settings:
    """The settings, with a relative embedded database path found from the project root when
    the notebook runs elsewhere (Jupyter starts in notebooks/)."""
    settings = get_settings()
    path = Path(settings.db_path)
    if settings.backend == "ladybug" and not path.is_absolute() and not path.exists():
        settings = settings.model_copy(update={"db_path": PROJECT_ROOT / path})
    return settings


def open_graph() -> GraphStore:
    """The graph ORGMAP_BACKEND names: the embedded file by default, Neo4j when set."""
    return open_store(settings_for_notebooks())


def ask(store: GraphStore, name: str, entity_id: str | None = None, **params: Any) -> Any:
    """A catalogue question by name, e.g. ask(store, "steered-by", "org-te-toimistot")."""
    return catalogue.ask(store, name, entity_id, params, budget(settings_for_notebooks()))


def evidence(edges: Iterable[EdgeRef]) -> list[dict[str, Any]]:
    """One row per relationship and source: what it says and the quote that says it."""
    return [
        {
            "from": edge.from_,
            "type": edge.type.value,
            "qualifier": edge.qualifier,
            "to": edge.to,
            "assertion": edge.assertion.value,
            "undated": edge.undated,
            "source": citation.doc,
            "quote": citation.quote,
        }
        for edge in edges
        for citation in edge.sources
    ]


def rows(answer: BaseModel, *fields: str) -> list[dict[str, Any]]:
    """The answer's items as flat rows of the named fields (dotted paths allowed)."""
    out = []
    for item in getattr(answer, "items", []):
        row = {}
        for name in fields:
            value: Any = item
            for part in name.split("."):
                value = getattr(value, part, None)
            row[name] = value.value if hasattr(value, "value") else value
        out.append(row)
    return out


def projection(
    store: GraphStore, types: Sequence[RelType], as_of: date | None = None
) -> nx.MultiDiGraph:
    """The relationships of `types` (valid on `as_of`) as a networkx multigraph; nodes carry
    type, kind and name, edges type and qualifier."""
    nodes, edges, _ = explore.graph_edges(store, types=types, as_of=as_of, lang=None)
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, type=node.type.value, kind=node.kind, name=node.name)
    for edge in edges:
        graph.add_edge(
            edge.from_, edge.to, key=edge.id, type=edge.type.value, qualifier=edge.qualifier
        )
    return graph


def view(store: GraphStore, name: str, entity_id: str | None = None, **params: Any) -> ViewGraph:
    """A map view by name, e.g. view(store, "steers", "org-tem", depth=3)."""
    entry = VIEWS[name]
    return build_view(
        store,
        name,
        entity_id,
        entry.params.model_validate(params),
        budget(settings_for_notebooks()),
    )


def inline_map(graph: ViewGraph, lang: Lang = Lang.FI, height: int = 520) -> str:
    """The map page inside an iframe, for IPython.display.HTML: the page keeps its own
    Content-Security-Policy and script apart from the notebook."""
    page = html.escape(render_html(graph, lang), quote=True)
    style = f"width:100%;height:{height}px;border:1px solid #ddd"
    return f'<iframe srcdoc="{page}" style="{style}"></iframe>'
