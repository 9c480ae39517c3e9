"""The OpenAPI document, told the truth: HEAD wherever GET is answered, every error as the
problem+json the API actually sends (FastAPI's default 422 body is another shape)."""

import copy
import warnings
from typing import Any

from fastapi import FastAPI

from app.api.problems import PROBLEM_JSON, Problem

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            with warnings.catch_warnings():
                # HEAD shares its GET route's operation id until _heads gives it its own.
                warnings.filterwarnings("ignore", message="Duplicate Operation ID")
                schema = FastAPI.openapi(app)
            _heads(schema)
            _problems(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _heads(schema: dict[str, Any]) -> None:
    for operations in schema["paths"].values():
        if "get" in operations and "head" in operations:
            head = copy.deepcopy(operations["get"])
            head["operationId"] = f"{head['operationId']}_head"
            head["summary"] = f"{head.get('summary', '')} (headers only)".strip()
            operations["head"] = head


def _problems(schema: dict[str, Any]) -> None:
    """Every 4xx/5xx response is problem+json; FastAPI's own validation shapes go."""
    for operations in schema["paths"].values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45":
                    response["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(problem.pop("$defs", {}))
    components["Problem"] = problem
