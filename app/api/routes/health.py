"""GET /health: is the graph there, which backend, how big, loaded when."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.api.deps import READ, StoreDep
from app.api.problems import domain_problem, problem_responses
from app.errors import StoreUnavailableError
from app.graph import read

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    backend: str
    loaded_at: str | None
    origin: str | None
    revision: str  # counts the writes that made this graph ("" for one loaded before)
    nodes: dict[str, int]
    edges: dict[str, int]
    total_nodes: int
    total_edges: int


_EXAMPLE = {
    "status": "ok",
    "backend": "ladybug",
    "loaded_at": "2026-11-22T19:20:04.313+00:00",
    "origin": "seed_data",
    "revision": "3",
    "nodes": {"Organization": 47, "Post": 25, "Person": 9},
    "edges": {"STEERS": 14, "MEMBER_OF": 29},
    "total_nodes": 145,
    "total_edges": 248,
}


@router.api_route(
    "/health",
    methods=READ,
    response_model=Health,
    responses={
        200: {"content": {"application/json": {"example": _EXAMPLE}}},
        **problem_responses(503),
    },
)
def health(store: StoreDep, request: Request) -> Health | JSONResponse:
    try:
        stats = read.graph_stats(store)
        meta = read.graph_meta(store)
    except StoreUnavailableError as exc:  # none, damaged, unreachable: say which backend
        return domain_problem(exc, request, backend=store.backend)
    return Health(
        status="ok",
        backend=store.backend,
        loaded_at=meta.loaded_at,
        origin=meta.origin,
        revision=meta.revision,
        nodes=stats.nodes,
        edges=stats.edges,
        total_nodes=stats.total_nodes,
        total_edges=stats.total_edges,
    )
