"""Saved maps over HTTP: /api/v1/maps (list, create) and /api/v1/maps/{id} (read, replace,
delete), writes guarded by the write key; each map drawn again at /api/v1/maps/{id}/view in
every map format, and its story alone at /api/v1/maps/{id}/annotations."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from app.api.deps import READ, SettingsDep, StoreDep, WriteKey
from app.api.problems import problem_responses
from app.api.routes.maps import FormatName, map_response
from app.graph.catalogue import budget
from app.model.common import SLUG_PATTERN
from app.model.saved_maps import SavedMapIn, SavedMapList, SavedMapRead
from app.viz import saved_maps

router = APIRouter(prefix="/api/v1/maps", tags=["saved maps"])
MapId = Annotated[str, Path(pattern=SLUG_PATTERN, max_length=120, description="The map's id.")]
_WRITE_PROBLEMS = problem_responses(
    400,
    401,
    403,
    404,
    422,
    503,
    s422="A bad map, or one naming nodes or edges its view does not draw",
)
_MAP_EXAMPLE = {
    "id": "map-3f2a9c01d4e5",
    "name": "Who steers the ELY centres",
    "view": "steers",
    "entity": "org-tem",
    "params": {"depth": 2},
    "positions": {"org-tem": [0.0, -200.0]},
    "hidden": [],
    "annotations": [
        {
            "caption": "TEM steers the ELY centres directly.",
            "nodes": ["org-ely-keskukset"],
            "edges": [],
        }
    ],
    "created": "2026-12-03T18:00:00Z",
    "updated": "2026-12-03T18:00:00Z",
    "fingerprints": {"nodes": {"org-tem": "9c1e0b7a54d2f3e8"}, "edges": {}},
    "changed": [],
    "removed": [],
}
_LIST_EXAMPLE = {
    "items": [
        {
            "id": "map-3f2a9c01d4e5",
            "name": "Who steers the ELY centres",
            "view": "steers",
            "entity": "org-tem",
            "updated": "2026-12-03T18:00:00Z",
            "annotations": 1,
        }
    ],
    "total": 1,
}


def _example(value: Any) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": value}}}}


@router.api_route(
    "",
    methods=READ,
    response_model=SavedMapList,
    summary="Every saved map, newest first",
    responses={**_example(_LIST_EXAMPLE), **problem_responses(503)},
)
def list_maps(store: StoreDep) -> SavedMapList:
    return saved_maps.list_maps(store)


@router.post(
    "",
    status_code=201,
    response_model=SavedMapRead,
    summary="Save a map: a view, its positions, hidden nodes and annotations",
    dependencies=[WriteKey],
    responses=_WRITE_PROBLEMS,
)
def create_map(
    request: Request, store: StoreDep, settings: SettingsDep, given: SavedMapIn
) -> JSONResponse:
    saved = saved_maps.create_map(store, given, budget(settings))
    location = str(request.url_for("read_map", map_id=saved.id).path)
    return JSONResponse(saved.model_dump(mode="json"), 201, headers={"Location": location})


@router.api_route(
    "/{map_id}",
    methods=READ,
    response_model=SavedMapRead,
    summary="A saved map, with what has changed since it was saved",
    responses={**_example(_MAP_EXAMPLE), **problem_responses(404, 422, 503)},
)
def read_map(store: StoreDep, settings: SettingsDep, map_id: MapId) -> SavedMapRead:
    return saved_maps.read_map(store, map_id, budget(settings))


@router.put(
    "/{map_id}",
    response_model=SavedMapRead,
    summary="Replace a saved map",
    dependencies=[WriteKey],
    responses={**_example(_MAP_EXAMPLE), **_WRITE_PROBLEMS},
)
def update_map(
    store: StoreDep, settings: SettingsDep, map_id: MapId, given: SavedMapIn
) -> SavedMapRead:
    return saved_maps.update_map(store, map_id, given, budget(settings))


@router.delete(
    "/{map_id}",
    status_code=204,
    summary="Delete a saved map",
    dependencies=[WriteKey],
    responses=problem_responses(401, 403, 404, 422, 503),
)
def delete_map(store: StoreDep, map_id: MapId) -> Response:
    saved_maps.delete_map(store, map_id)
    return Response(status_code=204)


@router.api_route(
    "/{map_id}/view",
    methods=READ,
    response_class=Response,
    summary="A saved map drawn: the page that tells its story step by step, or an export",
    responses=problem_responses(404, 422, 503),
)
def view_map(
    store: StoreDep,
    settings: SettingsDep,
    map_id: MapId,
    format_name: Annotated[FormatName, Query(alias="format")] = "html",
    download: bool = False,
) -> Response:
    saved = saved_maps.existing_map(store, map_id)
    view = saved_maps.reopened_view(store, saved, budget(settings))
    return map_response(store, view, format_name, saved.lang(), f"orgmap-{map_id}", download)


@router.api_route(
    "/{map_id}/annotations",
    methods=READ,
    summary="A saved map's story alone (its annotations) as JSON",
    responses={
        **_example(
            {k: _MAP_EXAMPLE[k] for k in ("id", "name", "view", "entity", "params", "annotations")}
        ),
        **problem_responses(404, 422, 503),
    },
)
def map_annotations(store: StoreDep, map_id: MapId) -> Any:
    document = saved_maps.annotations_document(saved_maps.existing_map(store, map_id))
    disposition = f'attachment; filename="orgmap-{map_id}-annotations.json"'
    return JSONResponse(document, headers={"Content-Disposition": disposition})
