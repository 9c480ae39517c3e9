"""POST /api/v1/imports: add a Popolo file to the graph over HTTP, guarded by an API key,
with the same validation and atomic swap as `orgmap import popolo`; GET /api/v1/exports/…:
the whole graph, written once per revision of the graph and served from the file."""

import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from app import deadline
from app.api.deps import READ, SettingsDep, StoreDep, WriteRefusedError, api_key, check_write_key
from app.api.exports import exported_file
from app.api.problems import problem, problem_responses
from app.config import Settings
from app.errors import ValidationFailedError
from app.interop.exports import GRAPH_FORMATS
from app.interop.imports import ImportReport, import_popolo
from app.model.vocabulary import Country, Lang
from app.store.base import GraphStore

router = APIRouter(prefix="/api/v1", tags=["interop"])
# A file name: letters, digits, dots, dashes, underscores; not starting with a dot (no "..").
FILE_NAME = r"^[\w-][\w.-]*$"

_POPOLO_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "description": "A Popolo document: `persons`, `organizations`, `posts` and "
                "`memberships` arrays, each record as the official Popolo JSON Schemas say.",
            }
        }
    },
}


@dataclass(frozen=True)
class ImportOptions:
    """The import's query parameters: checked before the body is read."""

    format: Annotated[Literal["popolo"], Query(description="The file's format.")] = "popolo"
    placeholders: Annotated[bool, Query(description="Create entities for undefined ids.")] = False
    lang: Annotated[Lang, Query(description="Language of the `name` fields.")] = Lang.EN
    country: Annotated[Country, Query()] = Country.FI


async def received_upload(
    request: Request,
    settings: SettingsDep,
    # Asked for only so that FastAPI checks them first: a bad parameter is refused unread.
    options: Annotated[ImportOptions, Depends()],
    key: Annotated[str | None, Depends(api_key)],
    name: Annotated[str, Query(max_length=120, pattern=FILE_NAME)] = "upload.json",
) -> AsyncIterator[Path]:
    """The request body in a file of its own (named `name`), once the key is checked: read as
    it arrives and refused past ORGMAP_IMPORT_MAX_BYTES, without holding it all in memory."""
    check_write_key(settings, key, "imports")
    limit = settings.import_max_bytes
    too_large = f"an import body may have at most {limit:,} bytes (ORGMAP_IMPORT_MAX_BYTES)"
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise WriteRefusedError(413, "Content too large", too_large)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        if not await _received(request, path, limit):
            raise WriteRefusedError(413, "Content too large", too_large)
        yield path


async def _received(request: Request, path: Path, limit: int) -> bool:
    """Write the body to `path` as it arrives; False (and stop reading) past `limit` bytes."""
    size = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return False
            out.write(chunk)
    return True


@router.post(
    "/imports",
    status_code=201,
    response_model=ImportReport,
    summary="Add a Popolo JSON file (the request body) to the graph",
    openapi_extra={"requestBody": _POPOLO_BODY},
    responses=problem_responses(
        401,
        403,
        409,
        413,
        422,
        503,
        s422="Bad parameters, or every problem in the file as file:line: field: message "
        "(nothing was imported)",
    ),
)
def post_import(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    options: Annotated[ImportOptions, Depends()],
    path: Annotated[Path, Depends(received_upload)],
) -> Any:
    # A plain route, as the rest are: it runs in a worker thread, so a long import does not
    # stop the event loop serving other requests. Only the body's reading is async.
    lang, country, placeholders = options.lang, options.country, options.placeholders
    try:
        return _bounded_import(store, settings, path, lang, country, placeholders, path.name)
    except ValidationFailedError as exc:
        detail = f"{len(exc.problems)} problem(s): nothing was imported, the graph is kept"
        return problem(422, "Import refused", detail, request, problems=exc.problems)


def _bounded_import(
    store: GraphStore,
    settings: Settings,
    path: Path,
    lang: Lang,
    country: Country,
    placeholders: bool,
    name: str,
) -> ImportReport:
    """An import has a budget of its own: reading, merging and swapping a graph takes longer
    than a question."""
    with deadline.within(settings.import_timeout_s):
        return import_popolo(
            store, path, lang=lang, country=country, placeholders=placeholders, display_name=name
        )


@router.api_route(
    "/exports/{format_name}",
    methods=READ,
    response_class=Response,
    summary="The whole graph as Popolo or W3C ORG (Turtle, JSON-LD)",
    responses={
        200: {
            "description": "The export, written once for each revision of the graph",
            "content": {f.media_type: {} for f in GRAPH_FORMATS.values()},
        },
        **problem_responses(
            422,
            503,
            s503="No graph loaded, or the export is still being written (try again after "
            "Retry-After seconds)",
        ),
    },
)
def export_whole_graph(
    store: StoreDep, settings: SettingsDep, format_name: Literal["popolo", "turtle", "jsonld"]
) -> Response:
    return exported_file(store, settings, format_name)
