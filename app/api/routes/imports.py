"""POST /api/v1/imports: add a Popolo file to the graph over HTTP, guarded by an API key.
The same validation and atomic swap as `orgmap import popolo`."""

import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from app.api.deps import SettingsDep, StoreDep
from app.api.problems import problem
from app.errors import ValidationFailedError
from app.interop.exports import GRAPH_FORMATS, export_graph
from app.interop.imports import ImportReport, import_popolo
from app.model.vocabulary import Country, Lang

router = APIRouter(prefix="/api/v1", tags=["interop"])
MAX_BYTES = 50_000_000


@router.post(
    "/imports",
    status_code=201,
    response_model=ImportReport,
    summary="Add a Popolo JSON file (the request body) to the graph",
    responses={
        401: {"description": "No or a wrong X-API-Key (problem+json)"},
        403: {"description": "Imports are off: ORGMAP_API_KEY is not set (problem+json)"},
        422: {"description": "Every problem in the file, as file:line: field: message"},
    },
)
async def post_import(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[Literal["popolo"], Query(description="The file's format.")] = "popolo",
    placeholders: Annotated[bool, Query(description="Create entities for undefined ids.")] = False,
    lang: Annotated[Lang, Query(description="Language of the `name` fields.")] = Lang.EN,
    country: Annotated[Country, Query()] = Country.FI,
    name: Annotated[str, Query(max_length=120, pattern=r"^[\w.-]+$")] = "upload.json",
    x_api_key: Annotated[str | None, Header()] = None,
) -> Any:
    if settings.api_key is None:
        return problem(403, "Forbidden", "imports are off: set ORGMAP_API_KEY", request)
    if x_api_key is None or not secrets.compare_digest(
        x_api_key, settings.api_key.get_secret_value()
    ):
        return problem(401, "Unauthorized", "a valid X-API-Key header is required", request)
    body = await request.body()
    if len(body) > MAX_BYTES:
        return problem(413, "Content too large", f"at most {MAX_BYTES:,} bytes", request)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        try:
            report = import_popolo(
                store,
                path,
                lang=lang,
                country=country,
                placeholders=placeholders,
                display_name=name,
            )
        except ValidationFailedError as exc:
            detail = f"{len(exc.problems)} problem(s): nothing was imported, the graph is kept"
            return problem(422, "Import refused", detail, request, problems=exc.problems)
    return report


@router.get(
    "/exports/{format_name}",
    response_class=Response,
    summary="The whole graph as Popolo or W3C ORG (Turtle, JSON-LD)",
)
def export_whole_graph(
    store: StoreDep, format_name: Literal["popolo", "turtle", "jsonld"]
) -> Response:
    fmt = GRAPH_FORMATS[format_name]
    headers = {"Content-Disposition": f'attachment; filename="orgmap.{fmt.suffix}"'}
    return Response(export_graph(store, format_name), media_type=fmt.media_type, headers=headers)
