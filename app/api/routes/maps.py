"""The maps over HTTP: every view of app/viz/maps.py as a self-contained HTML page or an
export (GraphML, GEXF, Cytoscape JSON, CSV zip, SVG, PNG, PDF), and the explorer page at
/map."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field, create_model

from app.api.deps import READ, SettingsDep, StoreDep
from app.api.problems import problem_responses
from app.graph.catalogue import budget
from app.interop.exports import GRAPH_FORMATS, map_format, write_map
from app.model.common import SLUG_PATTERN
from app.model.vocabulary import Lang
from app.viz.explorer import explorer_html
from app.viz.exports import FORMATS
from app.viz.graph import ViewGraph
from app.viz.maps import VIEWS, ViewEntry, build_view

router = APIRouter(tags=["maps"])
FormatName = Literal[
    "html", "graphml", "gexf", "json", "csv", "svg", "png", "pdf", "popolo", "turtle", "jsonld"
]
# The map page allows its own inline script and nothing from anywhere (see app/viz/page.py).
MAP_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)
# An SVG opened by itself is a document too: it may style itself and do nothing else.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"
EXPLORER_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'"
)


def _query_model(name: str, entry: ViewEntry) -> Any:
    """The view's parameters plus the entity (required where the view is about one), the
    format and whether to download."""
    about = Field(pattern=SLUG_PATTERN, max_length=120, description="The entity the view is about.")
    entity: dict[str, Any] = {"id": (str, about)} if entry.needs_id else {}
    return create_model(
        f"{entry.params.__name__}For{name.title().replace('-', '')}",
        __base__=entry.params,
        **entity,
        format=(
            FormatName,
            Field(
                default="html",
                description="html, graphml, gexf, json (Cytoscape), csv (a zip), svg, png, "
                "pdf (pictures for print), popolo, turtle or jsonld (W3C ORG).",
            ),
        ),
        download=(bool, Field(default=False, description="Send as an attachment.")),
    )


def _register(name: str, entry: ViewEntry) -> None:
    model = _query_model(name, entry)

    def view(
        store: StoreDep,
        settings: SettingsDep,
        params: Annotated[model, Query()],  # type: ignore[valid-type]
    ) -> Response:
        return _answer(store, settings, name, entry, params, params.format)  # type: ignore[attr-defined]

    def view_html(
        store: StoreDep,
        settings: SettingsDep,
        params: Annotated[model, Query()],  # type: ignore[valid-type]
    ) -> Response:
        return _answer(store, settings, name, entry, params, "html")

    summary = entry.about[0].upper() + entry.about[1:]
    media_types = [f.media_type for f in FORMATS.values()]
    media_types += [f.media_type for f in GRAPH_FORMATS.values()]
    common: dict[str, Any] = {
        "response_class": Response,
        "responses": {
            200: {
                "description": "The map page, or the export",
                "content": {media_type.split(";")[0]: {} for media_type in media_types},
            },
            **problem_responses(*((404, 422, 503) if entry.needs_id else (422, 503))),
        },
    }
    router.add_api_route(
        f"/api/v1/views/{name}.html",
        view_html,
        methods=READ,
        summary=f"{summary} (HTML map)",
        operation_id=f"view_{name.replace('-', '_')}_html",
        **common,
    )
    router.add_api_route(
        f"/api/v1/views/{name}",
        view,
        methods=READ,
        summary=summary,
        operation_id=f"view_{name.replace('-', '_')}",
        **common,
    )


def _answer(
    store: Any, settings: Any, name: str, entry: ViewEntry, params: Any, format_name: str
) -> Response:
    entity_id = getattr(params, "id", None)
    graph = build_view(store, name, entity_id, params, budget(settings))
    stem = "-".join(p for p in ("orgmap", name, entity_id) if p)
    return map_response(store, graph, format_name, params.lang or Lang.FI, stem, params.download)


def map_response(
    store: Any, graph: ViewGraph, format_name: str, lang: Lang, stem: str, download: bool
) -> Response:
    """A drawn view in `format_name`: the page (under its own CSP) shown, the rest downloads."""
    body = write_map(store, graph, format_name, lang)
    media_type, suffix = map_format(format_name)
    csp = {"html": MAP_CSP, "svg": SVG_CSP}.get(format_name)
    headers = {"Content-Security-Policy": csp} if csp else {}
    if download or format_name not in ("html", "json"):
        headers["Content-Disposition"] = f'attachment; filename="{stem}.{suffix}"'
    return Response(body, media_type=media_type, headers=headers)


for _name, _entry in VIEWS.items():
    _register(_name, _entry)


@router.api_route(
    "/map",
    methods=READ,
    response_class=HTMLResponse,
    summary="The explorer: search, pick, draw, download",
    responses=problem_responses(),
)
def explorer(request: Request) -> HTMLResponse:
    return HTMLResponse(explorer_html(), headers={"Content-Security-Policy": EXPLORER_CSP})
