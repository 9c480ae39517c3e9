"""Checks that every quote is a verbatim substring of its source document."""

import re
from functools import cache
from pathlib import Path
from typing import Protocol

from app.ingest.problems import Problem
from app.model import Source
from app.model.vocabulary import SourceKind

_WHITESPACE = re.compile(r"\s+")

NOT_EVIDENCE = (
    "'{source}' is a reference list of names, not evidence for a fact: cite a seed document"
    " (names from it go under `reference`)"
)


def fold(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space."""
    return _WHITESPACE.sub(" ", text).strip()


class _Locatable(Protocol):
    def problem(self, loc: tuple[int | str, ...], field_name: str, message: str) -> Problem: ...


class QuoteChecker:
    """Seed documents are read from `sources_dir`; reference lists (sources of kind
    `reference`) from `reference_dir`, by default the `reference` directory beside it."""

    def __init__(self, sources_dir: Path, reference_dir: Path | None = None) -> None:
        self.sources_dir = sources_dir
        self.reference_dir = reference_dir or sources_dir.parent / "reference"

    def directory(self, source: Source) -> Path:
        return self.reference_dir if source.kind is SourceKind.REFERENCE else self.sources_dir

    @cache  # noqa: B019 - one checker per validation run, a handful of files
    def text(self, path: Path) -> str | None:
        return fold(path.read_text(encoding="utf-8")) if path.is_file() else None

    def check_source(self, source: Source, origin: _Locatable) -> list[Problem]:
        directory = self.directory(source)
        path = directory / source.file
        if not path.is_file():
            return [origin.problem(("file",), "file", f"no such file in {directory}")]
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next((fold(line) for line in lines if line.strip()), "")
        if fold(source.title) != first:
            message = f"title must be the document's first line, '{first}'"
            return [origin.problem(("title",), "title", message)]
        return []

    def missing_quote(self, source: Source, quote: str) -> str | None:
        """None when the quote is verbatim in the source; else a message saying where it breaks."""
        text = self.text(self.directory(source) / source.file)
        if text is None:
            return None  # the missing file is reported once, on the source entry
        wanted = fold(quote)
        if wanted in text:
            return None
        good = _longest_matching_prefix(wanted, text)
        where = f"; it matches up to '{wanted[:good]}'" if good >= 10 else ""
        return f"quote is not verbatim in {source.id} ({source.file}){where}"


def _longest_matching_prefix(wanted: str, text: str) -> int:
    low, high = 0, len(wanted)
    while low < high:
        mid = (low + high + 1) // 2
        if wanted[:mid] in text:
            low = mid
        else:
            high = mid - 1
    return low
