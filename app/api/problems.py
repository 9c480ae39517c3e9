"""Every error leaves the API as RFC 9457 problem+json, never as a stack trace, and every
error a route can answer is declared in its OpenAPI responses (`problem_responses`)."""

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.errors import NotFoundError, OrgMapError

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("orgmap.api")


class ParameterProblem(BaseModel):
    location: str  # e.g. query.limit
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details. Some problems add members: `errors` (422, each bad
    parameter), `suggestions` (404, the closest ids), `problems` (a refused import, each as
    file:line: field: message), `backend` (503 from /health)."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ParameterProblem] | None = None
    suggestions: list[str] | None = None
    problems: list[str] | None = None
    backend: str | None = None


# What each status means wherever it is answered; a route lists the statuses it can answer.
_MEANING = {
    400: "The request body is not JSON",
    401: "No API key, or a wrong one",
    403: "Imports are off (no ORGMAP_API_KEY is set)",
    404: "An id names no entity; the problem suggests the closest ids",
    409: "Other writes kept replacing the graph meanwhile; nothing was written",
    413: "The request body is larger than allowed",
    415: "The request body is not of the declared media type",
    422: "Bad parameters or a refused file, each problem named",
    500: "An unexpected error (details only in the server log)",
    503: "No graph loaded, the graph is damaged or unreachable, or the work ran past its "
    "time budget",
}


def problem_responses(*statuses: int, **meanings: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses for the error statuses a route can answer, each as problem+json;
    `meanings` overrides a description (keyed "s503" and so on)."""
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {
        status: {"description": meanings.get(f"s{status}", _MEANING[status]), "content": content}
        for status in (*statuses, 500)
    }


def problem(
    status: int,
    title: str,
    detail: str,
    request: Request,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(
        body, status_code=status, media_type=PROBLEM_JSON, headers=dict(headers or {})
    )


def domain_problem(exc: OrgMapError, request: Request, **extra: Any) -> JSONResponse:
    """An OrgMap error as a problem: its one line for the client, its internals for the log."""
    if exc.internal:
        log.warning("%s on %s: %s", exc.title, request.url.path, exc.internal)
    if isinstance(exc, NotFoundError):
        extra["suggestions"] = exc.suggestions
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    return problem(exc.status, exc.title, str(exc), request, headers, **extra)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OrgMapError)
    return domain_problem(exc, request)


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
    ]
    detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
    return problem(422, "Invalid request", detail, request, errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    title = HTTPStatus(exc.status_code).phrase
    # The headers matter: a 405 carries Allow (RFC 9110), a 401 WWW-Authenticate.
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed(request))
    return problem(exc.status_code, title, str(exc.detail), request, headers)


def _allowed(request: Request) -> list[str]:
    """Every method the path answers: Starlette names only those of the first route that
    matches the path, and a path can have a route per method (GET, PUT, DELETE)."""
    methods: set[str] = set()
    routes = list(request.app.routes)
    while routes:
        route = routes.pop()
        included = getattr(route, "original_router", None)  # FastAPI keeps routers nested
        if included is not None:
            routes += included.routes
            continue
        match, _ = route.matches(request.scope)  # PARTIAL: the path, not the method
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return problem(
        500, "Internal error", "an unexpected error occurred; see the server log", request
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(OrgMapError, _domain_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
