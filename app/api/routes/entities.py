"""GET /api/v1/entities and /api/v1/entities/{id}."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from app.api.deps import StoreDep
from app.graph import read
from app.model.common import SLUG_PATTERN
from app.model.views import EntityOut, EntityPage
from app.model.vocabulary import Label, Lang

router = APIRouter(prefix="/api/v1", tags=["entities"])

LangQuery = Annotated[
    Lang | None,
    Query(description="Language of display names; falls back as the README describes."),
]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such entity (problem+json)"}
}


@router.get("/entities", response_model=EntityPage)
def list_entities(
    store: StoreDep,
    lang: LangQuery = None,
    type: Annotated[Label | None, Query(description="Node label")] = None,
    kind: Annotated[str | None, Query(max_length=64, description="Kind within the label")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EntityPage:
    return read.list_entities(store, type, kind, limit, offset, lang)


@router.get("/entities/{entity_id}", response_model=EntityOut, responses=_NOT_FOUND)
def get_entity(
    store: StoreDep,
    entity_id: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=120)],
    lang: LangQuery = None,
) -> Any:
    entity: BaseModel = read.get_entity(store, entity_id, lang)
    return entity
