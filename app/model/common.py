"""Parts every node and edge shares: names, validity and provenance."""

import calendar
import re
from datetime import date
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from app.model.vocabulary import Assertion, Confidence, Lang, Status

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=120)]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_partial_date(value: str) -> str:
    match = _PARTIAL_DATE.match(value)
    if match is None:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"month {month} is not 01-12")
    if day is not None:
        last = calendar.monthrange(int(year), int(month or 1))[1]
        if not 1 <= int(day) <= last:
            raise ValueError(f"day {day} does not exist in {year}-{month}")
    return value


def _year_as_text(value: object) -> object:
    # YAML reads an unquoted 2019 as a number; a year is still a partial date.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PartialDate = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(check_partial_date)]
"""An ISO date of year, month or day precision, as Popolo allows."""


def first_day(value: str) -> date:
    """The earliest day a partial date can mean: 2019 -> 2019-01-01."""
    year, month, day = _PARTIAL_DATE.match(value).groups()  # type: ignore[union-attr]
    return date(int(year), int(month or 1), int(day or 1))


def last_day(value: str) -> date:
    """The latest day a partial date can mean: 2022-02 -> 2022-02-28."""
    year, month, day = _PARTIAL_DATE.match(value).groups()  # type: ignore[union-attr]
    y, m = int(year), int(month or 12)
    return date(y, m, int(day) if day else calendar.monthrange(y, m)[1])


class Strict(BaseModel):
    """Base for seed models: unknown keys are errors, so typos never vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Names(Strict):
    fi: str | None = None
    sv: str | None = None
    en: str | None = None

    def get(self, lang: Lang) -> str | None:
        value: str | None = getattr(self, lang.value)
        return value


class Citation(Strict):
    """One piece of evidence: a source document and a verbatim quote from it."""

    doc: Slug
    quote: Annotated[str, Field(min_length=3)]


class Identifier(Strict):
    """An id the entity has elsewhere (Popolo `identifiers`, or the id in an imported file)."""

    scheme: str
    identifier: str


class Link(Strict):
    url: str
    note: str | None = None


class Validity(Strict):
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    date_text: str | None = Field(
        default=None, description="A date as the source words it when it has no full date."
    )
    status: Status | None = None

    @field_validator("valid_to")
    @classmethod
    def _end_not_before_start(cls, value: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("valid_from")
        if value and start and last_day(value) < first_day(start):
            raise ValueError(f"ends ({value}) before it starts ({start})")
        return value


class Provenance(Strict):
    sources: Annotated[list[Citation], Field(min_length=1)]
    assertion: Assertion = Assertion.STATED
    confidence: Confidence | None = None
    note: str | None = None
