"""The query catalogue over HTTP: one GET endpoint per catalogue entry, declared from it.

Entity-scoped entries live under /api/v1/entities/{entity_id}/<name>; the others under
/api/v1/<path>. Parameters are the entry's own model, so unknown or bad ones are a 422 naming
each, and the answer is the entry's response model.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app.api.deps import READ, SettingsDep, StoreDep
from app.api.examples import example_for, example_id
from app.api.problems import problem_responses
from app.graph.catalogue import CATALOGUE, CatalogueEntry, ask, budget
from app.model.common import SLUG_PATTERN

router = APIRouter(prefix="/api/v1", tags=["catalogue"])


def _register(name: str, entry: CatalogueEntry) -> None:
    params_type = entry.params
    entity_id_type = Annotated[
        str, Path(pattern=SLUG_PATTERN, max_length=120, examples=[example_id(name)])
    ]
    responses = {200: {"content": {"application/json": {"example": example_for(name)}}}}
    errors = (404, 422, 503) if entry.needs_id or entry.names_entities else (422, 503)
    options: dict[str, Any] = {
        "response_model": entry.response,
        "summary": entry.about[0].upper() + entry.about[1:],
        "responses": {**problem_responses(*errors), **responses},
        "operation_id": name.replace("-", "_"),
    }
    if entry.needs_id:

        def scoped(
            store: StoreDep,
            settings: SettingsDep,
            entity_id: entity_id_type,
            params: Annotated[params_type, Query()],  # type: ignore[valid-type]
        ) -> Any:
            return ask(store, name, entity_id, params, budget(settings))

        path = "/entities/{entity_id}" + ("" if name == "entity" else f"/{name}")
        router.add_api_route(path, scoped, methods=READ, **options)
    else:

        def unscoped(
            store: StoreDep,
            settings: SettingsDep,
            params: Annotated[params_type, Query()],  # type: ignore[valid-type]
        ) -> Any:
            return ask(store, name, None, params, budget(settings))

        router.add_api_route(entry.path, unscoped, methods=READ, **options)


# Fixed paths first, so that /entities is not read as /entities/{entity_id}.
for _name in sorted(CATALOGUE, key=lambda n: CATALOGUE[n].needs_id):
    _register(_name, CATALOGUE[_name])
