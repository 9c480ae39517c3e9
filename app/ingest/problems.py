"""Problems found in input files, reported as `file:line: field: message`."""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from app.ingest.yaml_lines import LineDict, line_of


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def suggest(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _quoted(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(entry)"


def _message(error: ErrorDetails, known_fields: Iterable[str]) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "enum":
        choices = _quoted(str(ctx.get("expected", "")))
        hint = suggest(str(value), choices) or f"; expected one of: {', '.join(choices)}"
        return f"unknown value '{value}'{hint}"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        return f"unknown field{suggest(name, known_fields) or ''}"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(ctx.get("pattern", "")):
        return f"'{value}' is not a slug (lower-case ASCII letters, digits and single hyphens)"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def from_validation_error(
    exc: ValidationError, file: str, entry: LineDict, known_fields: Iterable[str]
) -> list[Problem]:
    fields = list(known_fields)
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        problems.append(
            Problem(file, line_of(entry, loc), _field_path(loc), _message(error, fields))
        )
    return problems
