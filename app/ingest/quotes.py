"""Checks that every quote is a verbatim substring of its source document."""

import re
from functools import cache
from pathlib import Path
from typing import Protocol

from app.ingest.problems import Problem
from app.model import Source

_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space."""
    return _WHITESPACE.sub(" ", text).strip()


class _Locatable(Protocol):
    def problem(self, loc: tuple[int | str, ...], field_name: str, message: str) -> Problem: ...


class QuoteChecker:
    def __init__(self, sources_dir: Path) -> None:
        self.sources_dir = sources_dir

    @cache  # noqa: B019 - one checker per validation run, a handful of files
    def text(self, file: str) -> str | None:
        path = self.sources_dir / file
        return fold(path.read_text(encoding="utf-8")) if path.is_file() else None

    def check_source(self, source: Source, origin: _Locatable) -> list[Problem]:
        path = self.sources_dir / source.file
        if not path.is_file():
            return [origin.problem(("file",), "file", f"no such file in {self.sources_dir}")]
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next((fold(line) for line in lines if line.strip()), "")
        if fold(source.title) != first:
            message = f"title must be the document's first line, '{first}'"
            return [origin.problem(("title",), "title", message)]
        return []

    def missing_quote(self, source: Source, quote: str) -> str | None:
        """None when the quote is verbatim in the source; else a message saying where it breaks."""
        text = self.text(source.file)
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
