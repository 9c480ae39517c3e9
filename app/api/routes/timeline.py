"""GET /api/v1/dates: the days on which the graph changes, for a time slider over the data."""

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel, Field

from app.api.deps import READ, StoreDep
from app.api.problems import problem_responses
from app.graph.timeline import change_days

router = APIRouter(prefix="/api/v1", tags=["time"])


class ChangeDays(BaseModel):
    days: list[date] = Field(
        description="Every day on which a fact begins or stops holding, in order: draw a view "
        "with `as_of` set to each to see the graph change."
    )


@router.api_route(
    "/dates",
    methods=READ,
    response_model=ChangeDays,
    summary="The days on which the graph changes",
    responses={
        200: {"content": {"application/json": {"example": {"days": ["2019-01-01", "2021-10-13"]}}}},
        **problem_responses(503),
    },
)
def dates(store: StoreDep) -> ChangeDays:
    return ChangeDays(days=change_days(store))
